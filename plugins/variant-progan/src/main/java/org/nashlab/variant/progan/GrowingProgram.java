package org.nashlab.variant.progan;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.CriticTerms;
import org.nashlab.api.Critics;
import org.nashlab.api.LossContext;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.Schedule;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Mode;
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

    Operand<TFloat32> real =
        lod.reals(
            pad(tf, firstRows(tf, context.realBatch(), rows), sample, architecture),
            levels(architecture));
    Operand<TFloat32> fake = generator.apply(firstRows(tf, latent, rows), Mode.TRAINING);
    Operand<TFloat32> realIn = context.criticInput(real, "real");
    Operand<TFloat32> fakeIn = context.criticInput(fake, "fake");
    Operand<TFloat32> realScores = critic.apply(realIn, Mode.TRAINING);
    Operand<TFloat32> fakeScores = critic.apply(fakeIn, Mode.TRAINING);
    AdversarialLosses losses = context.loss().build(new LossContext(tf, realScores, fakeScores));
    CriticTerms terms =
        CriticTerms.of(
            context,
            PenaltyContext.of(
                context,
                "d",
                realIn,
                fakeIn,
                realScores,
                fakeScores,
                x -> critic.apply(x, Mode.TRAINING),
                critic.variables(),
                generator.variables()),
            losses.discriminator(),
            "d");
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
    dScalars.put("d/fake", Critics.meanProbability(tf, fakeScores));
    gScalars.put("loss/g", gLoss);

    Operand<TFloat32> samples =
        crop(tf, generator.apply(latent, Mode.INFERENCE), sample, architecture);
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

  private static Operand<TFloat32> firstRows(
      Ops tf, Operand<TFloat32> batch, Operand<TInt32> rows) {
    int rank = batch.shape().numDimensions();
    int[] begin = new int[rank];
    Operand<TInt32> size =
        tf.concat(
            List.of(tf.reshape(rows, tf.constant(new int[] {1})), tf.constant(minusOnes(rank - 1))),
            tf.constant(0));
    Operand<TFloat32> sliced = tf.slice(batch, tf.constant(begin), size);
    // Keep the sample's static shape, which the networks' reshapes read.
    return tf.reshape(sliced, tf.constant(Shape.of(-1).append(batch.shape().tail()).asArray()));
  }

  private static int[] minusOnes(int n) {
    int[] ones = new int[n];
    Arrays.fill(ones, -1);
    return ones;
  }

  /** The border the data's images get to reach the networks' side: before, after. */
  private static long[] border(Shape sample, Architecture architecture) {
    long missing = architecture.side() - sample.get(0);
    return new long[] {missing / 2, missing - missing / 2};
  }

  /** Real images padded to the networks' side with the background, -1. */
  private static Operand<TFloat32> pad(
      Ops tf, Operand<TFloat32> images, Shape sample, Architecture architecture) {
    long[] border = border(sample, architecture);
    if (border[0] + border[1] == 0) {
      return images;
    }
    Operand<TInt32> paddings =
        tf.constant(
            new int[][] {
              {0, 0},
              {(int) border[0], (int) border[1]},
              {(int) border[0], (int) border[1]},
              {0, 0}
            });
    return tf.pad(images, paddings, tf.constant(-1f));
  }

  /** G's full-size images cropped back to the data's size. */
  private static Operand<TFloat32> crop(
      Ops tf, Operand<TFloat32> images, Shape sample, Architecture architecture) {
    long[] border = border(sample, architecture);
    if (border[0] + border[1] == 0) {
      return images;
    }
    int b = (int) border[0];
    int side = (int) sample.get(0);
    return tf.slice(
        images,
        tf.constant(new int[] {0, b, b, 0}),
        tf.constant(new int[] {-1, side, side, (int) sample.get(2)}));
  }
}
