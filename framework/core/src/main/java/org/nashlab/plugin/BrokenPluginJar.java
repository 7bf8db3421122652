package org.nashlab.plugin;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A jar of the plugins folder that cannot be loaded, and why in one line: what failed, then the
 * root cause's class and message and where in the jar's own code it was thrown.
 */
final class BrokenPluginJar extends Exception {
  private static final long serialVersionUID = 1L;

  BrokenPluginJar(Path jar, String what, Throwable failure) {
    super(jar + ": " + what + ": " + rootCause(jar, failure), failure, false, false);
  }

  BrokenPluginJar(Path jar, String what, String detail) {
    super(jar + ": " + what + ": " + detail, null, false, false);
  }

  private static String rootCause(Path jar, Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    // PluginJar names each jar's class loader after the jar, so its frames are the plugin's code.
    return root
        + Arrays.stream(root.getStackTrace())
            .filter(frame -> jar.toString().equals(frame.getClassLoaderName()))
            .findFirst()
            .map(BrokenPluginJar::where)
            .orElse("");
  }

  private static String where(StackTraceElement frame) {
    String method = frame.getClassName() + "." + frame.getMethodName();
    return frame.getFileName() == null
        ? " (in " + method + ")"
        : " (in " + method + ", " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
  }
}
