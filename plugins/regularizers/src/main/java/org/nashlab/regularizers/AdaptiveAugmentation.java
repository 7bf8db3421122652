package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.fraction;
import static org.nashlab.api.ParamChecks.inRange;
import static org.nashlab.api.ParamChecks.positive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.InputTransform;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.TransformContext;
import org.nashlab.nn.Axes;
import org.nashlab.nn.Variables;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adaptive discriminator augmentation (ADA, Karras et al. 2020): every image D sees, real or
 * generated, in D's and in G's updates, goes through each of the chosen augmentations with
 * probability {@code p}, drawn per sample and per augmentation; {@code p} is tuned from D's
 * overfitting. Each D update adds up the signs of D's logits on the augmented real batch; every
 * {@code interval} D updates, {@code r_t = E[sign(D(real))]} is compared with {@code target} and
 * {@code p} moves by {@code sign(r_t - target) * n / (kimg * 1000)}, {@code n} the real images
 * counted, clamped to [0, 1] (StudioGAN's clamp; NVlabs' code clamps only at 0). {@code p} and the
 * sums are variables, so they are checkpointed (NVlabs' code restarts p at 0 on resume); {@code p}
 * and {@code r_t} are logged as {@code reg/ada/p/d} and {@code reg/ada/rt/d}.
 *
 * <p>The augmentations are Nash's differentiable ones (those of {@link DiffAugment}: horizontal
 * flip, integer translation with zero fill, colour, cutout), not ADA's pipeline of 18 (its default
 * {@code bgc}: flips, 90-degree rotations, translation with reflection, geometric and colour
 * transforms).
 */
@Doc("ADA: augmentation probability p tuned from the sign of D on real data (Karras et al. 2020)")
public final class AdaptiveAugmentation implements InputTransform, LossTerm {
  public record Params(
      @Doc("the target of r_t = E[sign(D(real))]") @Default("0.6") double target,
      @Doc("D updates between adjustments of p") @Default("4") int interval,
      @Doc("thousands of real images over which p can move by 1") @Default("500") double kimg,
      @Doc("p at the start") @Default("0.0") double initialP,
      @Doc("mirror left to right (half of the chosen images)") @Default("true") boolean flip,
      @Doc("shift by up to 1/8 of the side") @Default("true") boolean translation,
      @Doc("random brightness, saturation and contrast") @Default("true") boolean colour,
      @Doc("zero a square of half the side") @Default("false") boolean cutout) {
    public Params {
      fraction(target, "target");
      positive(interval, "interval");
      positive(kimg, "kimg");
      inRange(initialP, 0, 1, "initial-p");
      if (!(flip || translation || colour || cutout)) {
        throw new IllegalArgumentException(
            "flip, translation, colour, cutout: at least one augmentation must be on");
      }
    }
  }

  private final Params params;
  private Variable<TFloat32> probability;
  private String critic;

  public AdaptiveAugmentation(Params params) {
    this.params = params;
  }

  @Override
  public Operand<TFloat32> transform(TransformContext c) {
    Augmentations.requireImages(c.batch(), "ada");
    Ops tf = c.tf();
    Operand<TFloat32> p = probability(tf, c.name());
    Augmentations augment = new Augmentations(tf, c.name(), c.seeds());
    Operand<TFloat32> x = c.batch();
    if (params.flip()) {
      x = augment.withProbability(x, augment.flip(x), p);
    }
    if (params.translation()) {
      x = augment.withProbability(x, augment.translation(x, 0.125), p);
    }
    if (params.colour()) {
      x = augment.withProbability(x, augment.colour(x), p);
    }
    if (params.cutout()) {
      x = augment.withProbability(x, augment.cutout(x, 0.5), p);
    }
    return x;
  }

  /** The probability variable, made by the first call; every batch of the trial shares it. */
  private Variable<TFloat32> probability(Ops tf, String name) {
    if (probability == null) {
      probability =
          Variables.filled(tf, name + "_ada_p", Shape.scalar(), (float) params.initialP());
    }
    return probability;
  }

  /**
   * Adds nothing to the loss: it counts D's signs on the real batch and adjusts {@code p}, ops that
   * run with D's loss, after both batches were augmented with the step's {@code p}.
   */
  @Override
  public Terms terms(PenaltyContext c) {
    if (critic != null && !critic.equals(c.name())) {
      throw new IllegalArgumentException(
          "ada tunes the augmentation of one critic; this program has several ("
              + critic
              + ", "
              + c.name()
              + ")");
    }
    critic = c.name();
    Ops tf = c.tf();
    Variable<TFloat32> p = probability(tf, c.name());
    // The fake batch's augmentation reads p too: adjust only once both batches have been judged.
    Ops after = tf.withControlDependencies(List.of(c.realLogits(), c.fakeLogits()));
    Variable<TFloat32> updates =
        Variables.filled(tf, c.name() + "_ada_updates", Shape.scalar(), 0f);
    Variable<TFloat32> signs = Variables.filled(tf, c.name() + "_ada_signs", Shape.scalar(), 0f);
    Variable<TFloat32> seen = Variables.filled(tf, c.name() + "_ada_seen", Shape.scalar(), 0f);
    Operand<TFloat32> logits = tf.stopGradient(c.realLogits());
    Operand<TFloat32> count = tf.identity(after.assignAdd(updates, tf.constant(1f)));
    Operand<TFloat32> signSum =
        tf.identity(
            after.assignAdd(signs, tf.reduceSum(tf.math.sign(logits), Axes.all(tf, logits))));
    Operand<TFloat32> imageCount =
        tf.identity(
            after.assignAdd(seen, tf.dtypes.cast(tf.shape.size(tf.shape(logits)), TFloat32.class)));
    Operand<TFloat32> rt = tf.math.div(signSum, imageCount);
    Operand<TFloat32> adjusting =
        tf.dtypes.cast(
            tf.math.equal(
                tf.math.floorMod(count, tf.constant((float) params.interval())), tf.constant(0f)),
            TFloat32.class);
    Operand<TFloat32> step =
        tf.math.mul(
            tf.math.sign(tf.math.sub(rt, tf.constant((float) params.target()))),
            tf.math.div(imageCount, tf.constant((float) (params.kimg() * 1000))));
    Operand<TFloat32> moved =
        tf.clipByValue(
            tf.math.add(p, tf.math.mul(adjusting, step)), tf.constant(0f), tf.constant(1f));
    Operand<TFloat32> newP = tf.identity(tf.assign(p, moved));
    // The sums are read by reference: reset them only once r_t and p have been computed.
    Ops reset = tf.withControlDependencies(List.of(rt, newP));
    Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), adjusting);
    List<Op> done = new ArrayList<>();
    done.add(reset.assign(signs, reset.math.mul(keep, signSum)));
    done.add(reset.assign(seen, reset.math.mul(keep, imageCount)));
    return Terms.none().tracking(Map.of("p", newP, "rt", rt)).updating(done);
  }
}
