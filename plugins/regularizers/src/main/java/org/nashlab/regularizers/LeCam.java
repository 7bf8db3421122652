package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.nonNegative;

import java.util.Map;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.Axes;
import org.nashlab.nn.Variables;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * LeCam regularisation (Tseng et al. 2021, eq. 3): D's loss gets {@code weight * (mean(relu(D(x) -
 * a_F)^2) + mean(relu(a_R - D(G(z)))^2))}, where the anchors {@code a_R} and {@code a_F} are moving
 * averages of D's mean raw output (logit) on real and on generated batches. As the authors' code
 * does, each D update first moves the anchors ({@code a = decay a + (1 - decay) mean}, with decay 0
 * during the first {@code start} updates, so the anchors follow the latest batch), then computes
 * the term with them, which counts only after {@code start} updates; anchors and the update count
 * are variables, so they are checkpointed.
 *
 * <p>Defaults: weight 0.3 (the authors' CIFAR-10 BigGAN scripts, {@code --LC 0.3}); decay 0.99 and
 * start 1000 (StudioGAN's LeCam configs; the authors' TensorFlow StyleGAN2 code also decays by
 * 0.99, their BigGAN code by 0.9). The authors count D updates per generator iteration once; Nash
 * counts every evaluation of D's loss, which is once per D update unless a discriminator schedule
 * (d-skip) also measures it.
 */
@Doc("LeCam: D's outputs pulled toward EMA anchors of the other side (Tseng et al. 2021)")
public final class LeCam implements LossTerm {
  public record Params(
      @Doc("weight of the term in D's loss (the authors' CIFAR-10 BigGAN: 0.3)") @Default("0.3")
          double weight,
      @Doc("decay of the anchors' moving averages") @Default("0.99") double decay,
      @Doc("D updates before the term counts; the anchors track the latest batch until then")
          @Default("1000")
          long start) {
    public Params {
      nonNegative(weight, "weight");
      fraction(decay, "decay");
      nonNegative(start, "start");
    }
  }

  private final Params params;

  public LeCam(Params params) {
    this.params = params;
  }

  @Override
  public Terms terms(PenaltyContext c) {
    Ops tf = c.tf();
    Variable<TFloat32> updates = Variables.filled(tf, c.name() + "_updates", Shape.scalar(), 0f);
    Operand<TFloat32> count = tf.assignAdd(updates, tf.constant(1f));
    // Constants to D: the counting ops have no gradient.
    Operand<TFloat32> started =
        tf.stopGradient(
            tf.dtypes.cast(
                tf.math.greater(count, tf.constant((float) params.start())), TFloat32.class));
    // Decay 0 until the start: the anchors are the latest batch's means.
    Operand<TFloat32> decay = tf.math.mul(started, tf.constant((float) params.decay()));
    Operand<TFloat32> realAnchor = anchor(tf, c.name() + "_anchor_real", c.realLogits(), decay);
    Operand<TFloat32> fakeAnchor = anchor(tf, c.name() + "_anchor_fake", c.fakeLogits(), decay);
    Operand<TFloat32> regulariser =
        tf.math.add(
            meanSquare(tf, tf.nn.relu(tf.math.sub(c.realLogits(), fakeAnchor))),
            meanSquare(tf, tf.nn.relu(tf.math.sub(realAnchor, c.fakeLogits()))));
    return Terms.discriminator(
            tf.math.mul(tf.math.mul(started, tf.constant((float) params.weight())), regulariser))
        .tracking(Map.of("anchor-real", realAnchor, "anchor-fake", fakeAnchor));
  }

  /** The anchor moved toward {@code logits}' mean, read after the move, held constant for D. */
  private static Operand<TFloat32> anchor(
      Ops tf, String name, Operand<TFloat32> logits, Operand<TFloat32> decay) {
    Variable<TFloat32> anchor = Variables.filled(tf, name, Shape.scalar(), 0f);
    Operand<TFloat32> mean = tf.stopGradient(tf.math.mean(logits, Axes.all(tf, logits)));
    Operand<TFloat32> moved =
        tf.math.add(
            tf.math.mul(decay, anchor), tf.math.mul(tf.math.sub(tf.constant(1f), decay), mean));
    return tf.stopGradient(tf.assign(anchor, moved));
  }

  private static Operand<TFloat32> meanSquare(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(tf.math.square(x), Axes.all(tf, x));
  }
}
