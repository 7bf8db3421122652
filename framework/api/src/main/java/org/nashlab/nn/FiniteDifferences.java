package org.nashlab.nn;

import java.util.function.ToDoubleFunction;

/**
 * Central differences, the reference to check a layer's or a technique's gradients against: {@code
 * (f(x + h e_i) - f(x - h e_i)) / 2h} for each coordinate i.
 *
 * <pre>{@code
 * double[] numeric = FiniteDifferences.central(w -> loss(w), w0, 1e-3f);
 * }</pre>
 */
public final class FiniteDifferences {
  private FiniteDifferences() {}

  /** The numerical gradient of {@code f} at {@code at}, with step {@code h}. */
  public static double[] central(ToDoubleFunction<float[]> f, float[] at, float h) {
    double[] gradient = new double[at.length];
    for (int i = 0; i < at.length; i++) {
      float[] plus = at.clone();
      float[] minus = at.clone();
      plus[i] += h;
      minus[i] -= h;
      gradient[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
    }
    return gradient;
  }
}
