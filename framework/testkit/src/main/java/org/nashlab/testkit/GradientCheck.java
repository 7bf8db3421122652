package org.nashlab.testkit;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.nashlab.nn.FiniteDifferences;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Checks a symbolic gradient against central differences ({@link FiniteDifferences}), for a test of
 * a gradient an author registered with {@code CustomGradients}, or of a layer a penalty must
 * differentiate twice. The scalar is built in a graph from one float tensor (a placeholder, or a
 * variable, whose value is fed in its place), and may itself contain a gradient:
 *
 * <pre>{@code
 * CustomGradients.registerToolkit(); // and any gradient of your own
 * try (Graph graph = new Graph()) {
 *   Ops tf = Ops.create(graph);
 *   Network critic = ...; // its layers on tf
 *   Operand<TFloat32> x = tf.constant(...);
 *   Operand<TFloat32> penalty = GradientCheck.gradientPenalty(tf, critic.apply(x, Mode.TRAINING), x);
 *   GradientCheck.atInitialValues(graph, penalty, critic.variables(), 1e-2f)
 *       .forEach((name, result) -> result.assertMaxRelativeErrorBelow(1e-2, name));
 * }
 * }</pre>
 *
 * <p>A penalty through ReLU-like units jumps where a unit crosses its kink (the penalty depends on
 * D's slopes), and a step that moves a unit across one gives central differences that mean nothing:
 * take a step small enough that no unit crosses (1e-3 for a DCGAN critic on unit inputs), or check
 * the smooth parts apart.
 */
public final class GradientCheck {
  private GradientCheck() {}

  /**
   * The gradient of {@code scalar} with respect to each of {@code variables}, at the values the
   * variables start with, against central differences of step {@code step}; by variable name.
   */
  public static Map<String, Result> atInitialValues(
      Graph graph, Operand<TFloat32> scalar, List<Variable<TFloat32>> variables, float step) {
    Map<String, Result> results = new LinkedHashMap<>();
    for (Variable<TFloat32> variable : variables) {
      results.put(
          variable.op().name(), of(graph, scalar, variable, initialValue(graph, variable), step));
    }
    return results;
  }

  /**
   * The gradient of {@code scalar} with respect to {@code input} at {@code at} (the input's
   * elements in row-major order), against central differences of step {@code step}.
   */
  public static Result of(
      Graph graph, Operand<TFloat32> scalar, Operand<TFloat32> input, float[] at, float step) {
    requireNonNull(at, "at");
    if (scalar.shape().numDimensions() != 0) {
      throw new IllegalArgumentException(
          "the checked function must be a scalar, got shape " + scalar.shape());
    }
    Ops tf = Ops.create(graph);
    Operand<TFloat32> gradient = gradient(tf, scalar, input);
    // A gradient TensorFlow finds no path for comes back with a null handle
    // (docs/tensorflow-java.md, trap 2): it is zero.
    Operand<TFloat32> symbolic = isNull(gradient) ? tf.zerosLike(input) : gradient;
    try (Session session = new Session(graph)) {
      session.initialize();
      Function<float[], float[][]> evaluate =
          values -> {
            try (TFloat32 fed = TFloat32.tensorOf(input.shape(), DataBuffers.of(values));
                var result =
                    session.runner().feed(input, fed).fetch(scalar).fetch(symbolic).run()) {
              return new float[][] {
                {((TFloat32) result.get(0)).getFloat()}, copy((TFloat32) result.get(1))
              };
            }
          };
      float[][] value = evaluate.apply(at);
      double[] numeric = FiniteDifferences.central(v -> evaluate.apply(v)[0][0], at, step);
      // A difference of two float32 values of f is only known to a few ulps, over 2 step; the
      // roundings inside f add to that.
      double resolution = 100 * Math.ulp(value[0][0]) / step;
      return new Result(
          IntStream.range(0, value[1].length).mapToDouble(i -> value[1][i]).toArray(),
          numeric,
          resolution);
    }
  }

  /**
   * {@code d sum(y) / dx}, shaped like {@code x}, built so that it can be differentiated again (its
   * seed is a constant, which keeps OnesLike, which has no gradient, off the path), as {@code
   * PenaltyContext.gradients()} builds it in a trial.
   */
  public static Operand<TFloat32> gradient(Ops tf, Operand<TFloat32> y, Operand<TFloat32> x) {
    Operand<TFloat32> sum = tf.reduceSum(y, tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
    return tf.gradients(sum, List.of(x), Gradients.dx(List.of(tf.constant(1f)))).<TFloat32>dy(0);
  }

  /**
   * WGAN-GP's penalty without its weight (Gulrajani et al. 2017, eq. 3): the mean over the samples
   * of {@code x} (its first axis) of {@code (||d critic / d x|| - 1)^2}.
   */
  public static Operand<TFloat32> gradientPenalty(
      Ops tf, Operand<TFloat32> critic, Operand<TFloat32> x) {
    Operand<TFloat32> g = gradient(tf, critic, x);
    int[] sampleAxes = IntStream.range(1, x.shape().numDimensions()).toArray();
    Operand<TFloat32> norms =
        tf.math.sqrt(tf.reduceSum(tf.math.mul(g, g), tf.constant(sampleAxes)));
    Operand<TFloat32> gap = tf.math.sub(norms, tf.constant(1f));
    return tf.math.mean(tf.math.mul(gap, gap), tf.constant(0));
  }

  private static boolean isNull(Operand<?> gradient) {
    var handle = ((GraphOperation) gradient.op()).getUnsafeNativeHandle();
    return handle == null || handle.isNull();
  }

  private static float[] initialValue(Graph graph, Variable<TFloat32> variable) {
    try (Session session = new Session(graph)) {
      session.initialize();
      try (var result = session.runner().fetch(variable).run()) {
        return copy((TFloat32) result.get(0));
      }
    }
  }

  private static float[] copy(TFloat32 tensor) {
    float[] values = new float[(int) tensor.shape().size()];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return values;
  }

  /**
   * A symbolic gradient and central differences of the same function, entry by entry.
   *
   * @param symbolic the gradient TensorFlow built
   * @param numeric central differences
   * @param resolution the smallest difference float32 central differences resolve at this point,
   *     {@code 100 ulp(f) / step}
   */
  public record Result(double[] symbolic, double[] numeric, double resolution) {
    public Result {
      if (symbolic.length != numeric.length || symbolic.length == 0) {
        throw new IllegalArgumentException(
            "symbolic has " + symbolic.length + " entries, numeric " + numeric.length);
      }
      symbolic = symbolic.clone();
      numeric = numeric.clone();
    }

    /**
     * The largest difference between the two, relative to the largest entry of either, or to the
     * {@link #resolution} if that is larger: float32 central differences do not resolve entries far
     * smaller than the largest, so each entry is judged on the gradient's scale.
     */
    public double maxRelativeError() {
      return Math.abs(symbolic[worst()] - numeric[worst()]) / scale();
    }

    /**
     * @throws AssertionError naming {@code what} and the worst entry, if {@link #maxRelativeError}
     *     is {@code tolerance} or more
     */
    public void assertMaxRelativeErrorBelow(double tolerance, String what) {
      if (maxRelativeError() >= tolerance) {
        int i = worst();
        throw new AssertionError(
            String.format(
                "%s: the gradient is off by %.3g of its scale %.3g at [%d] (symbolic %.6g,"
                    + " central differences %.6g); tolerance %.3g",
                what, maxRelativeError(), scale(), i, symbolic[i], numeric[i], tolerance));
      }
    }

    private double scale() {
      double largest = resolution;
      for (int i = 0; i < symbolic.length; i++) {
        largest = Math.max(largest, Math.max(Math.abs(symbolic[i]), Math.abs(numeric[i])));
      }
      return largest;
    }

    private int worst() {
      int worst = 0;
      for (int i = 1; i < symbolic.length; i++) {
        if (Math.abs(symbolic[i] - numeric[i]) > Math.abs(symbolic[worst] - numeric[worst])) {
          worst = i;
        }
      }
      return worst;
    }
  }
}
