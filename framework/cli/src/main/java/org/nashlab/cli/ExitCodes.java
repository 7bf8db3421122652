package org.nashlab.cli;

/** What {@code nash} exits with. */
final class ExitCodes {
  static final int OK = 0;

  /** A run or sweep finished with failures (for example, it diverged). */
  static final int RUN_FAILED = 1;

  /** The experiment or the arguments are invalid. */
  static final int INVALID_INPUT = 2;

  /** Something outside the experiment is missing: MLflow, a dataset, a native library. */
  static final int ENVIRONMENT = 3;

  private ExitCodes() {}
}
