package org.nashlab.api;

/**
 * Range checks for the compact constructors of parameter records. Each throws an {@link
 * IllegalArgumentException} whose message starts with the parameter's name as written in YAML
 * (kebab-case) and ends with the value; Nash adds the file and the key path.
 */
public final class ParamChecks {
  private ParamChecks() {}

  public static void positive(double value, String name) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }

  public static void positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }

  public static void nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  public static void nonNegative(double value, String name) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  public static void inRange(double value, double min, double max, String name) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }

  /** For probabilities and momentum terms: {@code 0 <= value < 1}. */
  public static void fraction(double value, String name) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
  }
}
