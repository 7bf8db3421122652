package org.nashlab.variant.stylegan2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.CriticPass;
import org.nashlab.api.CriticTerms;
import org.nashlab.api.Critics;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Rows;
import org.nashlab.nn.SquarePadding;
import org.nashlab.nn.Trainable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * StyleGAN2's training program on a {@link VariantContext}: G with style mixing and D with the
 * experiment's loss and techniques, lazy R1 on D and lazy path-length regularisation on G (their
 * steps decided by {@link LazySchedule}), the running average of w updated with every G update, and
 * samples from the average-pulled w at the chosen truncation. Real images are padded with their
 * black background (-1) to the networks' side and samples cropped back.
 */
final class StyleProgram {
  /** What real images are padded with: their black background. */
  private static final float BACKGROUND = -1f;

  private StyleProgram() {}

  /**
   * @param settings the variant's settings
   * @param architecture the networks' sizes
   */
  static TrainingProgram build(
      VariantContext context, StyleGan2.Params settings, Architecture architecture) {
    Ops tf = context.tf();
    SquarePadding padding = new SquarePadding(context.sampleShape().get(0), architecture.side());
    StyleGenerator generator =
        new StyleGenerator(
            tf, architecture, (float) settings.mappingLrMultiplier(), context.initSeeds());
    ResidualCritic critic = new ResidualCritic(tf, architecture, context.initSeeds());

    int dim = architecture.latentDim();
    Operand<TFloat32> z = context.latent(dim);
    Operand<TFloat32> mixingZ = context.latent("stylegan2_z2", dim);
    List<Operand<TFloat32>> noises = noiseInputs(context, architecture);
    Operand<TFloat32> w = generator.w(z);
    Operand<TFloat32> ws =
        settings.styleMixing() > 0
            ? generator.mixed(
                w,
                generator.w(mixingZ),
                Mixing.crossover(
                    tf,
                    context.latent("stylegan2_mixing", 2),
                    (float) settings.styleMixing(),
                    architecture.styles()))
            : generator.broadcast(w);
    Operand<TFloat32> fake = generator.synthesis(ws, noises);

    Operand<TFloat32> real = padding.pad(tf, context.realBatch(), BACKGROUND);
    CriticPass pass = CriticPass.of(context, critic, generator, real, fake);
    CriticTerms terms = pass.terms();
    AdversarialLosses losses = pass.losses();

    Map<String, Operand<TFloat32>> dScalars = new LinkedHashMap<>(terms.scalars());
    Map<String, Operand<TFloat32>> r1Scalars = new LinkedHashMap<>();
    Operand<TFloat32> dObjective = terms.objective();
    if (settings.r1Gamma() > 0) {
      Operand<TFloat32> r1 = r1(context, critic, pass.realIn(), (float) settings.r1Gamma());
      r1Scalars.put("reg/r1/d", r1);
      dObjective =
          tf.math.add(dObjective, tf.math.mul(r1, tf.constant((float) settings.r1Interval())));
    }

    Map<String, Operand<TFloat32>> gScalars = new LinkedHashMap<>(terms.generatorTerms());
    Map<String, Operand<TFloat32>> plScalars = new LinkedHashMap<>();
    Operand<TFloat32> gMain = terms.addGeneratorTerms(tf, losses.generator());
    Operand<TFloat32> gObjective = gMain;
    List<Op> gUpdates = new ArrayList<>();
    gUpdates.add(generator.mapping().updateAverage(w, (float) settings.wAvgBeta()));
    if (settings.plWeight() > 0) {
      PathLength pl = pathLength(context, generator, ws, noises, architecture, settings);
      Operand<TFloat32> term = tf.math.mul(pl.penalty(), tf.constant((float) settings.plWeight()));
      plScalars.put("reg/path-length/g", term);
      plScalars.put("stylegan2/path-length", pl.meanLength());
      plScalars.put("stylegan2/path-length-average", pl.average());
      gObjective =
          tf.math.add(gObjective, tf.math.mul(term, tf.constant((float) settings.plInterval())));
      gUpdates.add(pl.update());
    }
    Trainable gTrainable =
        Trainable.union(
            List.of(
                generator,
                new Trainable() {
                  @Override
                  public List<Variable<TFloat32>> variables() {
                    return List.of();
                  }

                  @Override
                  public List<Op> updates() {
                    return gUpdates;
                  }
                }));

    Op dTrain = context.minimize("d", critic, dObjective, context.steps(), dScalars);
    Op gTrain = context.minimize("g", gTrainable, gObjective, context.steps(), gScalars);
    dScalars.putAll(losses.diagnostics());
    dScalars.put("loss/d", terms.objective());
    dScalars.put("d/real", Critics.meanProbability(tf, pass.realScores()));
    dScalars.put("d/fake", Critics.meanProbability(tf, pass.fakeScores()));
    gScalars.put("loss/g", gMain);
    r1Scalars.putAll(dScalars);
    plScalars.putAll(gScalars);

    Operand<TFloat32> psi = tf.constant((float) settings.truncationPsi());
    Operand<TFloat32> samples =
        padding.crop(
            tf,
            generator.synthesis(generator.broadcast(generator.mapping().truncate(w, psi)), noises));
    TrainingProgram.SampleGrid pictures =
        Pictures.grid(
            tf,
            generator,
            z,
            mixingZ,
            noises,
            (float) settings.truncationPsi(),
            architecture.styles(),
            padding);
    return new TrainingProgram(
        List.of(
            new TrainingProgram.Update(LazySchedule.GENERATOR, gTrain, gScalars),
            new TrainingProgram.Update(LazySchedule.GENERATOR_PATH_LENGTH, gTrain, plScalars),
            new TrainingProgram.Update(LazySchedule.DISCRIMINATOR, dTrain, dScalars),
            new TrainingProgram.Update(LazySchedule.DISCRIMINATOR_R1, dTrain, r1Scalars)),
        new LazySchedule(
            settings.plWeight() > 0 ? settings.plInterval() : 0,
            context.batchSize() / settings.plBatchShrink(),
            settings.r1Gamma() > 0 ? settings.r1Interval() : 0,
            context.batchSize()),
        samples,
        VariantContext.REAL,
        Optional.of(pictures),
        Map.of());
  }

  /** One noise image per convolution, {@code [N, s, s, 1]}, fed standard normal by Nash. */
  private static List<Operand<TFloat32>> noiseInputs(
      VariantContext context, Architecture architecture) {
    Ops tf = context.tf();
    List<Operand<TFloat32>> noises = new ArrayList<>();
    for (int i = 0; i < architecture.noiseInputs(); i++) {
      int side = architecture.noiseSide(i);
      noises.add(
          tf.reshape(
              context.latent("stylegan2_noise" + i, side * side),
              tf.constant(new long[] {-1, side, side, 1})));
    }
    return noises;
  }

  /**
   * {@code gamma / 2 mean ||dD(x)/dx||^2} over the first {@code stylegan2_r1_rows} rows of the real
   * batch as D sees it (the authors' {@code D_logistic_r1}); 0 for no rows.
   */
  private static Operand<TFloat32> r1(
      VariantContext context, ResidualCritic critic, Operand<TFloat32> realIn, float gamma) {
    Ops tf = context.tf();
    Operand<TInt32> rows = tf.dtypes.cast(context.scalar(LazySchedule.R1_ROWS), TInt32.class);
    Operand<TFloat32> reals = Rows.first(tf, realIn, rows);
    Operand<TFloat32> grads = context.gradients().of(critic.apply(reals, Mode.TRAINING), reals);
    Operand<TFloat32> sum = tf.sum(tf.math.mul(grads, grads), tf.constant(new int[] {0, 1, 2, 3}));
    Operand<TFloat32> count =
        tf.math.maximum(tf.dtypes.cast(rows, TFloat32.class), tf.constant(1f));
    return tf.math.mul(tf.constant(gamma / 2), tf.math.div(sum, count));
  }

  /** The path-length penalty on the first {@code stylegan2_pl_rows} rows of G's batch. */
  private static PathLength pathLength(
      VariantContext context,
      StyleGenerator generator,
      Operand<TFloat32> ws,
      List<Operand<TFloat32>> noises,
      Architecture architecture,
      StyleGan2.Params settings) {
    Ops tf = context.tf();
    Operand<TInt32> rows = tf.dtypes.cast(context.scalar(LazySchedule.PL_ROWS), TInt32.class);
    Operand<TFloat32> plWs = Rows.first(tf, ws, rows);
    List<Operand<TFloat32>> plNoises = new ArrayList<>();
    for (Operand<TFloat32> noise : noises) {
      plNoises.add(Rows.first(tf, noise, rows));
    }
    Operand<TFloat32> images = generator.synthesis(plWs, plNoises);
    int side = architecture.side();
    long channels = architecture.imageChannels();
    Operand<TFloat32> y =
        tf.math.mul(
            tf.reshape(
                Rows.first(
                    tf, context.latent("stylegan2_pl_noise", (int) (side * side * channels)), rows),
                tf.constant(new long[] {-1, side, side, channels})),
            tf.constant((float) (1.0 / side)));
    return PathLength.of(
        tf,
        context.gradients(),
        images,
        plWs,
        y,
        rows,
        PathLength.storedAverage(tf),
        (float) settings.plDecay());
  }
}
