package org.nashlab.variant.cyclegan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.CriticTerms;
import org.nashlab.api.Critics;
import org.nashlab.api.LossContext;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Trainable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** A domain's PatchGAN critic: its update, with the experiment's loss and techniques. */
final class PatchCritic {
  private PatchCritic() {}

  /** Logits of a PatchGAN, one per patch, as {@code [batch * patches, 1]} for the losses. */
  static Operand<TFloat32> patches(Ops tf, Operand<TFloat32> logits) {
    return tf.reshape(logits, tf.constant(new long[] {-1, 1}));
  }

  /**
   * One critic's update: real images of its domain against (pooled) translations into it. Loss
   * terms of the techniques see this critic; generator-side terms (weight decay of G) are taken
   * from the critic given {@code generators}, so each counts once, for G's objective.
   */
  static Update update(
      VariantContext context,
      String name,
      Network critic,
      Operand<TFloat32> real,
      Variable<TFloat32> fresh,
      int poolSize,
      Trainable generators,
      Map<String, Operand<TFloat32>> scalars) {
    Ops tf = context.tf();
    Operand<TFloat32> translated = fresh;
    ImagePool.Query pool = null;
    if (poolSize > 0) {
      Shape image = Shape.of(fresh.shape().get(1), fresh.shape().get(2), fresh.shape().get(3));
      pool =
          new ImagePool(
                  tf, name + "_pool", poolSize, context.batchSize(), image, context.initSeeds())
              .query(fresh);
      translated = pool.seen();
    }
    Operand<TFloat32> realIn = context.criticInput(real, name + "_real");
    Operand<TFloat32> fakeIn = context.criticInput(translated, name + "_fake");
    Operand<TFloat32> realLogits = patches(tf, critic.apply(realIn, Mode.TRAINING));
    Operand<TFloat32> fakeLogits = patches(tf, critic.apply(fakeIn, Mode.TRAINING));
    AdversarialLosses losses = context.loss().build(new LossContext(tf, realLogits, fakeLogits));
    // Halved, as the paper does, "to slow down the rate at which D learns relative to G".
    Operand<TFloat32> loss = tf.math.mul(tf.constant(0.5f), losses.discriminator());
    CriticTerms terms =
        CriticTerms.of(
            context,
            PenaltyContext.of(
                context,
                name,
                realIn,
                fakeIn,
                realLogits,
                fakeLogits,
                x -> patches(tf, critic.apply(x, Mode.TRAINING)),
                critic.variables(),
                generators == null ? List.of() : generators.variables()),
            loss,
            name);
    loss = terms.objective();
    Map<String, Operand<TFloat32>> own = new LinkedHashMap<>(terms.scalars());
    Op train = context.minimize(name, critic, loss, context.steps(), own);
    losses.diagnostics().forEach((k, v) -> own.put(k + "-" + name, v));
    own.put("loss/" + name, loss);
    own.put(name + "/real", Critics.meanProbability(tf, realLogits));
    own.put(name + "/fake", Critics.meanProbability(tf, fakeLogits));
    scalars.putAll(own);
    if (pool != null) {
      train = tf.withControlDependencies(pool.after(train)).withName(name + "_pooled").noOp();
    }
    return new Update(train, terms);
  }

  /**
   * A critic's update and the techniques' terms it was built with.
   *
   * @param train the critic's update, the pool's after it
   * @param terms its objective's terms, with the generator-side ones for G's objective
   */
  record Update(Op train, CriticTerms terms) {}
}
