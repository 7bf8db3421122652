package {{package}};

import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The least-squares loss with its three targets as parameters (Mao et al. 2017, eq. 2): D
 * minimises {@code 1/2 E[(D(x) - b)^2] + 1/2 E[(D(G(z)) - a)^2]}, G minimises {@code 1/2
 * E[(D(G(z)) - c)^2]}. The paper's two settings are a = 0, b = c = 1 (the defaults) and a = -1, b
 * = 1, c = 0 (its eq. 9, which minimises a Pearson chi-squared divergence).
 *
 * <p>This is the starter's example: replace {@link #build} with your loss. It gets D's logits on a
 * real and a generated batch, {@code [batch, 1]} each, and returns D's and G's objectives, each
 * minimised by its own network.
 */
@Doc("least squares with targets a, b for D and c for G (Mao et al. 2017, eq. 2)")
public final class {{class}} implements Loss {
  /** The YAML section: {@code loss: { name: {{name}}, a: -1.0, b: 1.0, c: 0.0 }}. */
  public record Params(
      @Doc("the target D gives generated samples") @Default("0.0") double a,
      @Doc("the target D gives real samples") @Default("1.0") double b,
      @Doc("the target G wants D to give its samples") @Default("1.0") double c) {}

  private final Params params;

  public {{class}}(Params params) {
    this.params = params;
  }

  @Override
  public AdversarialLosses build(LossContext context) {
    Ops tf = context.tf();
    Operand<TFloat32> discriminator =
        tf.math.add(
            halfMeanSquare(tf, context.realLogits(), params.b()),
            halfMeanSquare(tf, context.fakeLogits(), params.a()));
    return new AdversarialLosses(
        discriminator, halfMeanSquare(tf, context.fakeLogits(), params.c()));
  }

  /** {@code 1/2 E[(logits - target)^2]}; a product, not Square, whose gradient crashes TF Java. */
  private static Operand<TFloat32> halfMeanSquare(
      Ops tf, Operand<TFloat32> logits, double target) {
    Operand<TFloat32> gap = tf.math.sub(logits, tf.constant((float) target));
    return tf.math.mul(
        tf.constant(0.5f), tf.math.mean(tf.math.mul(gap, gap), tf.constant(new int[] {0, 1})));
  }
}
