package org.nashlab.variant.progan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.CriticPass;
import org.nashlab.api.CriticTerms;
import org.nashlab.api.Critics;
import org.nashlab.api.Schedule;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Rows;
import org.nashlab.nn.SquarePadding;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * ProGAN's training program: each step feeds the growth schedule's level of detail and minibatch,
 * then one D update and one G update, each on a fresh batch, as the authors' training loop does
 * ({@code D_repeats = 1}). D sees the real images as the level of detail shows them ({@link
 * LevelOfDetail#reals}); its objective is the experiment's loss with every technique's terms and
 * the drift term. Samples come from G at full size, cropped back to the data's size.
 */
final class GrowingProgram {
  /** The fed scalars: the level of detail, and the rows of each batch this step trains on. */
  static final String LOD = "progan_lod";

  static final String BATCH = "progan_batch";

  static final String DISCRIMINATOR = "discriminator";

  /** What real images are padded with to the networks' side: their black background. */
  private static final float BACKGROUND = -1f;

  static final String GENERATOR = "generator";

  private GrowingProgram() {}

  static TrainingProgram build(
      VariantContext context, Architecture architecture, Growth growth, float drift) {
    Ops tf = context.tf();
    LevelOfDetail lod = new LevelOfDetail(tf, context.scalar(LOD));
    ProgressiveGenerator generator =
        new ProgressiveGenerator(tf, architecture, lod, context.initSeeds());
    ProgressiveCritic critic = new ProgressiveCritic(tf, architecture, lod, context.initSeeds());
    Operand<TInt32> rows = tf.dtypes.cast(context.scalar(BATCH), TInt32.class);
    Shape sample = context.sampleShape();
    Operand<TFloat32> latent = context.latent(architecture.latentDim());

    SquarePadding padding = new SquarePadding(sample.get(0), architecture.side());
    Operand<TFloat32> real =
        lod.reals(
            padding.pad(tf, Rows.first(tf, context.realBatch(), rows), BACKGROUND),
            levels(architecture));
    Operand<TFloat32> fake = generator.apply(Rows.first(tf, latent, rows), Mode.TRAINING);
    CriticPass pass = CriticPass.of(context, critic, generator, real, fake);
    CriticTerms terms = pass.terms();
    AdversarialLosses losses = pass.losses();
    Operand<TFloat32> realScores = pass.realScores();
    Map<String, Operand<TFloat32>> dScalars = new LinkedHashMap<>(terms.scalars());
    Operand<TFloat32> dLoss = terms.objective();
    if (drift > 0) {
      // The authors' wgan_epsilon term: keeps D's scores on real data from drifting far from 0.
      Operand<TFloat32> driftTerm =
          tf.math.mul(
              tf.constant(drift),
              tf.math.mean(tf.math.square(realScores), tf.constant(new int[] {0, 1})));
      dScalars.put("reg/drift/d", driftTerm);
      dLoss = tf.math.add(dLoss, driftTerm);
    }
    Map<String, Operand<TFloat32>> gScalars = new LinkedHashMap<>(terms.generatorTerms());
    Operand<TFloat32> gLoss = terms.addGeneratorTerms(tf, losses.generator());
    Op dTrain = context.minimize("d", critic, dLoss, context.steps(), dScalars);
    Op gTrain = context.minimize("g", generator, gLoss, context.steps(), gScalars);
    dScalars.putAll(losses.diagnostics());
    dScalars.put("loss/d", dLoss);
    dScalars.put("d/real", Critics.meanProbability(tf, realScores));
    dScalars.put("d/fake", Critics.meanProbability(tf, pass.fakeScores()));
    gScalars.put("loss/g", gLoss);

    Operand<TFloat32> samples = padding.crop(tf, generator.apply(latent, Mode.INFERENCE));
    return new TrainingProgram(
        List.of(
            new TrainingProgram.Update(DISCRIMINATOR, dTrain, dScalars),
            new TrainingProgram.Update(GENERATOR, gTrain, gScalars)),
        schedule(growth),
        samples);
  }

  /** Feeds the step's place in the growth, then D's update and G's, each on a fresh batch. */
  static Schedule schedule(Growth growth) {
    return step -> {
      Growth.Point point = growth.at(step.number());
      step.feed(LOD, point.lod());
      step.feed(BATCH, point.batch());
      step.draw();
      step.run(DISCRIMINATOR, step.logging());
      step.draw();
      step.run(GENERATOR, step.logging());
      if (step.logging()) {
        step.log("progan/resolution", point.resolution());
        step.log("progan/alpha", point.alpha());
        step.log("progan/lod", point.lod());
        step.log("progan/batch-size", point.batch());
        step.log("progan/kimg", point.imagesBefore() / 1000f);
      }
    };
  }

  /** The resolutions from 4 x 4 to the final one. */
  private static int levels(Architecture architecture) {
    return architecture.finalLevel() - Architecture.FIRST_LEVEL + 1;
  }
}
