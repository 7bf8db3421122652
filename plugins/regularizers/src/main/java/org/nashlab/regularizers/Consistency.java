package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.nonNegative;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.PerSample;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Balanced consistency regularisation, bCR (Zhao et al. 2021, "Improved consistency regularization
 * for GANs", Algorithm 1): D's logits should not change when an image is augmented, on real and on
 * generated images: {@code lambda_real E||D(x) - D(T(x))||^2 + lambda_fake E||D(G(z)) -
 * D(T(G(z)))||^2}, added to D's loss. {@code T} is a random horizontal flip and a translation, the
 * paper's augmentation.
 */
@Doc("bCR: D's logits invariant to flips and translations, real and fake (Zhao et al. 2021)")
public final class Consistency implements LossTerm {
  public record Params(
      @Doc("lambda_real, the weight on real images") @Default("10.0") double realWeight,
      @Doc("lambda_fake, the weight on generated images") @Default("10.0") double fakeWeight,
      @Doc("largest translation, as a share of the image side") @Default("0.125")
          double translationRatio) {
    public Params {
      nonNegative(realWeight, "real-weight");
      nonNegative(fakeWeight, "fake-weight");
      fraction(translationRatio, "translation-ratio");
    }
  }

  private final Params params;

  public Consistency(Params params) {
    this.params = params;
  }

  @Override
  public Terms terms(PenaltyContext c) {
    Augmentations.requireImages(c.real(), "consistency");
    Ops tf = c.tf();
    Operand<TFloat32> real =
        inconsistency(c, c.real(), c.realLogits(), new Augmentations(tf, "bcr_real", c.seeds()));
    Operand<TFloat32> fake =
        inconsistency(c, c.fake(), c.fakeLogits(), new Augmentations(tf, "bcr_fake", c.seeds()));
    return Terms.discriminator(
        tf.math.add(
            tf.math.mul(tf.constant((float) params.realWeight()), real),
            tf.math.mul(tf.constant((float) params.fakeWeight()), fake)));
  }

  /** {@code E||D(x) - D(T(x))||^2}. */
  private Operand<TFloat32> inconsistency(
      PenaltyContext c, Operand<TFloat32> x, Operand<TFloat32> logits, Augmentations augment) {
    Ops tf = c.tf();
    Operand<TFloat32> augmented = augment.translation(augment.flip(x), params.translationRatio());
    Operand<TFloat32> gap = tf.math.sub(logits, c.critic().apply(augmented));
    return PerSample.batchMean(tf, PerSample.squaredNorms(tf, gap));
  }
}
