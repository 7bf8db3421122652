package org.nashlab.plugin;

import java.util.Arrays;

/**
 * A plugin's failure in one line: the root cause's class and message and where in the plugin's own
 * code it was thrown.
 */
final class FailureText {
  private FailureText() {}

  /**
   * @param loaderName the name of the class loader whose frames are the plugin's code: {@link
   *     PluginJar} names each jar's loader after the jar; null for the classpath, where the first
   *     frame is the plugin's
   */
  static String of(Throwable failure, String loaderName) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root
        + Arrays.stream(root.getStackTrace())
            .filter(frame -> loaderName == null || loaderName.equals(frame.getClassLoaderName()))
            .findFirst()
            .map(FailureText::where)
            .orElse("");
  }

  private static String where(StackTraceElement frame) {
    String method = frame.getClassName() + "." + frame.getMethodName();
    return frame.getFileName() == null
        ? " (in " + method + ")"
        : " (in " + method + ", " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
  }
}
