package org.nashlab.report.stats;

/**
 * A confidence interval {@code [low, high]}. Both ends are {@code NaN} where no interval can be
 * computed (a BCa interval of a constant sample, as scipy returns).
 */
public record Interval(double low, double high) {
  /** The interval that could not be computed. */
  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

  public Interval {
    if (low > high) {
      throw new IllegalArgumentException("interval low " + low + " is above high " + high);
    }
  }
}
