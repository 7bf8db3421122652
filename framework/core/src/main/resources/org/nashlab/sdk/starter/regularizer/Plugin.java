package {{package}};

import static org.nashlab.api.ParamChecks.nonNegative;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.Noise;
import org.nashlab.nn.PerSample;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The zero-centred gradient penalty GP-0 (Thanh-Tung et al. 2019): {@code weight E[||grad
 * D(x^)||^2]} at random interpolates {@code x^ = e x + (1 - e) G(z)}, {@code e ~ U[0, 1]} per
 * sample, added to D's loss. Unlike WGAN-GP's {@code (||grad D|| - 1)^2} it pulls the gradient
 * towards zero. Nash logs the term as {@code reg/{{name}}/d}.
 *
 * <p>This is the starter's example: replace {@link #terms} with your technique. The context holds
 * the real and generated batches, D's logits on both, D itself for other points, and gradients
 * that can be differentiated again.
 */
@Doc("zero-centred gradient penalty at interpolates, E[||grad D||^2] (Thanh-Tung et al. 2019)")
public final class {{class}} implements LossTerm {
  /** The YAML section: {@code regularizers: [{ name: {{name}}, weight: 10.0 }]}. */
  public record Params(@Doc("the penalty's weight") @Default("10.0") double weight) {
    public Params {
      nonNegative(weight, "weight");
    }
  }

  private final Params params;

  public {{class}}(Params params) {
    this.params = params;
  }

  @Override
  public Terms terms(PenaltyContext c) {
    Ops tf = c.tf();
    // Stateless noise drawn from the trial's seeds: a resumed run draws the same e.
    Operand<TFloat32> e =
        Noise.uniform(tf, PerSample.scalarShape(tf, c.real()), c.name() + "_e", c.seeds());
    Operand<TFloat32> interpolates =
        tf.math.add(
            tf.math.mul(e, c.real()), tf.math.mul(tf.math.sub(tf.constant(1f), e), c.fake()));
    Operand<TFloat32> gradient = c.gradients().of(c.critic().apply(interpolates), interpolates);
    Operand<TFloat32> penalty = PerSample.batchMean(tf, PerSample.squaredNorms(tf, gradient));
    return Terms.discriminator(tf.math.mul(tf.constant((float) params.weight()), penalty));
  }
}
