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

  /**
   * A size from 1 to {@code max}; {@code why} says where the bound comes from, for the message.
   * Beyond its bound a value passes validation only to exhaust memory at run time.
   */
  public static void size(long value, long max, String name, String why) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [1, " + max + "] (" + why + "), got " + value);
    }
  }

  /** Units, channels or dimensions of a layer: at most 16,384. */
  public static void layerWidth(long value, String name) {
    size(value, 16_384, name, "a 16,384 x 16,384 dense layer is already 1 GiB of float weights");
  }

  /** Layers or blocks stacked in a network: at most 64. */
  public static void layerDepth(long value, String name) {
    size(value, 64, name, "a plain stack deeper than 64 layers does not train");
  }

  /** Samples an evaluation draws: at most 1,000,000. */
  public static void sampleCount(long value, String name) {
    size(value, 1_000_000, name, "ten times the largest protocol's 100,000 samples");
  }

  /** For probabilities and momentum terms: {@code 0 <= value < 1}. */
  public static void fraction(double value, String name) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
    }
  }
}
