package org.nashlab.report.stats;

/** Whether a metric improves downwards (FID, KID) or upwards (Inception Score, coverage). */
public enum Direction {
  LOWER_IS_BETTER,
  HIGHER_IS_BETTER;

  /**
   * The value on a scale where larger is always better: itself when higher is better, its negation
   * when lower is.
   */
  public double orient(double value) {
    return this == HIGHER_IS_BETTER ? value : -value;
  }
}
