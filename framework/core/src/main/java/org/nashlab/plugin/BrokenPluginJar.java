package org.nashlab.plugin;

import java.nio.file.Path;

/** A jar of the plugins folder that registers no plugins, and why, with what to do. */
final class BrokenPluginJar extends Exception {
  private static final long serialVersionUID = 1L;
  static final String FIX = "rebuild the jar and copy it in again, or remove it from the folder";

  private final transient DiscoveryProblem problem;

  BrokenPluginJar(Path jar, String what) {
    super(jar + ": " + what, null, false, false);
    this.problem = new DiscoveryProblem(jar.toString(), what);
  }

  BrokenPluginJar(Path jar, String what, Throwable failure) {
    this(jar, what + ": " + FailureText.of(failure, jar.toString()) + "; " + FIX);
  }

  DiscoveryProblem problem() {
    return problem;
  }
}
