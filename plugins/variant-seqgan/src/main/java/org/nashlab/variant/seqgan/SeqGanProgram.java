package org.nashlab.variant.seqgan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.CriticPass;
import org.nashlab.api.CriticTerms;
import org.nashlab.api.Critics;
import org.nashlab.api.Schedule;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Rows;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * SeqGAN's training program. G has one update that serves both of its objectives, on one optimizer:
 * the maximum-likelihood term reads the first {@value #MLE_ROWS} rows of the real batch and the
 * policy-gradient term draws {@value #POLICY_ROWS} sequences with their rollouts; the schedule
 * feeds the whole batch to the phase's term and 0 rows to the other, which then costs next to
 * nothing. Both terms are means per token: {@code -mean log p(x)} and {@code -mean log p(y) Q(y)}.
 *
 * <p>D's update judges a real batch against sequences G draws, with the experiment's loss (the
 * paper's cross-entropy is {@code non-saturating}'s or {@code minimax}'s D loss), every technique's
 * terms on the embedded sequences, and the authors' L2 term on its output layer.
 */
final class SeqGanProgram {
  static final String MLE_ROWS = "seqgan_mle_rows";
  static final String POLICY_ROWS = "seqgan_policy_rows";
  static final String GENERATOR_MLE = "generator-mle";
  static final String GENERATOR_POLICY = "generator-policy-gradient";
  static final String DISCRIMINATOR = "discriminator";

  private SeqGanProgram() {}

  static TrainingProgram build(
      VariantContext context, SeqGan.Params params, Phases phases, int vocabulary) {
    Ops tf = context.tf();
    int length = Math.toIntExact(context.sampleShape().get(0));
    LstmGenerator generator =
        new LstmGenerator(
            tf, "g", vocabulary, params.embeddingDim(), params.hiddenDim(), context.initSeeds());
    TokenCritic critic =
        new TokenCritic(
            tf,
            "d",
            vocabulary,
            params.discriminatorEmbeddingDim(),
            Filters.parse(params.filters()),
            (float) params.dropout(),
            context.initSeeds());

    // D: real sequences against sequences G draws.
    Operand<TInt32> realTokens = tokens(tf, context.realBatch());
    Operand<TInt32> negatives =
        generator
            .draw(Categorical.uniform(tf, context.latent("seqgan_negatives", length)), length)
            .tokens();
    CriticPass pass =
        CriticPass.of(
            context, critic, generator, critic.embed(realTokens), critic.embed(negatives));
    CriticTerms terms = pass.terms();
    Operand<TFloat32> l2 = tf.math.mul(tf.constant((float) params.l2()), critic.outputL2());
    Operand<TFloat32> dLoss = tf.math.add(terms.objective(), l2);
    Map<String, Operand<TFloat32>> dScalars = new LinkedHashMap<>(terms.scalars());
    dScalars.put("reg/l2/d", l2);
    Op dTrain =
        context.minimize(
            "d",
            critic,
            dLoss,
            Math.max(1, phases.discriminatorUpdates(context.steps())),
            dScalars);
    dScalars.putAll(pass.losses().diagnostics());
    dScalars.put("loss/d", dLoss);
    dScalars.put("d/real", Critics.meanProbability(tf, pass.realScores()));
    dScalars.put("d/fake", Critics.meanProbability(tf, pass.fakeScores()));

    // G: maximum likelihood on the first MLE_ROWS real rows.
    Operand<TFloat32> mleRealRows = Rows.first(tf, context.realBatch(), rows(context, MLE_ROWS));
    Operand<TFloat32> mleLogP = generator.logProbabilities(tokens(tf, mleRealRows), length);
    Operand<TFloat32> nll = negativeMean(tf, mleLogP);

    // G: policy gradient on POLICY_ROWS drawn sequences, rewarded by D through rollouts.
    Operand<TInt32> policyRows = rows(context, POLICY_ROWS);
    Operand<TFloat32> policyNoise =
        Rows.first(tf, context.latent("seqgan_policy", length), policyRows);
    LstmGenerator.Drawn drawn = generator.draw(Categorical.uniform(tf, policyNoise), length);
    Operand<TFloat32> rolloutNoise =
        Rows.first(
            tf,
            context.latent("seqgan_rollouts", Rollouts.uniformsPerRow(params.rollouts(), length)),
            policyRows);
    Operand<TFloat32> rewards =
        new Rollouts(tf, generator, critic, params.rollouts(), length)
            .rewards(drawn, Categorical.uniform(tf, rolloutNoise));
    Operand<TFloat32> policyLoss =
        negativeMean(tf, tf.math.mul(generator.logProbabilities(drawn.tokens(), length), rewards));

    Map<String, Operand<TFloat32>> gScalars = new LinkedHashMap<>(terms.generatorTerms());
    Operand<TFloat32> gLoss = terms.addGeneratorTerms(tf, tf.math.add(nll, policyLoss));
    Op gTrain =
        context.minimize(
            "g", generator, gLoss, Math.max(1, phases.generatorUpdates(context.steps())), gScalars);
    Map<String, Operand<TFloat32>> mleScalars = new LinkedHashMap<>(gScalars);
    mleScalars.put("loss/g-mle", nll);
    Map<String, Operand<TFloat32>> policyScalars = new LinkedHashMap<>(gScalars);
    policyScalars.put("loss/g", policyLoss);
    policyScalars.put("seqgan/reward", negativeMean(tf, tf.math.neg(rewards)));

    Operand<TFloat32> samples =
        tf.dtypes.cast(
            generator.draw(Categorical.uniform(tf, context.latent(length)), length).tokens(),
            TFloat32.class);
    return new TrainingProgram(
        List.of(
            new TrainingProgram.Update(GENERATOR_MLE, gTrain, mleScalars),
            new TrainingProgram.Update(GENERATOR_POLICY, gTrain, policyScalars),
            new TrainingProgram.Update(DISCRIMINATOR, dTrain, dScalars)),
        schedule(phases, context.batchSize()),
        samples,
        VariantContext.REAL,
        Optional.empty(),
        probes(tf, generator, context, length));
  }

  /** {@code nll-test}: G's mean NLL per token of the held-out sequences, up to their end tokens. */
  private static Map<String, Operand<TFloat32>> probes(
      Ops tf, LstmGenerator generator, VariantContext context, int length) {
    if (!(context.source(VariantContext.REAL) instanceof HeldOutSequences source)
        || source.heldOut().length == 0) {
      return Map.of();
    }
    int[][] heldOut = source.heldOut();
    float[][] weights = new float[heldOut.length][length];
    for (int i = 0; i < heldOut.length; i++) {
      // The end token's own prediction counts; the padding after it does not.
      java.util.Arrays.fill(
          weights[i], 0, Math.min(length, source.contentLength(heldOut[i]) + 1), 1f);
    }
    Operand<TFloat32> logP = generator.logProbabilities(tf.constant(heldOut), length);
    Operand<TFloat32> mask = tf.constant(weights);
    Operand<TInt32> all = tf.constant(new int[] {0, 1});
    return Map.of(
        "nll-test",
        tf.math.div(tf.math.neg(tf.sum(tf.math.mul(logP, mask), all)), tf.sum(mask, all)));
  }

  static Schedule schedule(Phases phases, int batchSize) {
    return step -> {
      Phases.Phase phase = phases.at(step.number());
      step.feed(MLE_ROWS, phase == Phases.Phase.GENERATOR_MLE ? batchSize : 0);
      step.feed(POLICY_ROWS, phase == Phases.Phase.ADVERSARIAL ? batchSize : 0);
      step.draw();
      switch (phase) {
        case GENERATOR_MLE -> step.run(GENERATOR_MLE, step.logging());
        case DISCRIMINATOR_PRETRAINING -> step.run(DISCRIMINATOR, step.logging());
        case ADVERSARIAL -> {
          step.run(GENERATOR_POLICY, step.logging());
          for (int k = 0; k < phases.discriminatorSteps(); k++) {
            step.draw();
            step.run(DISCRIMINATOR, step.logging() && k == phases.discriminatorSteps() - 1);
          }
        }
      }
      if (step.logging()) {
        step.log("seqgan/phase", phase.ordinal());
      }
    };
  }

  /** {@code -sum(x) / (rows * T)}, 0 for no rows. */
  private static Operand<TFloat32> negativeMean(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> count = tf.dtypes.cast(tf.size(x), TFloat32.class);
    return tf.math.div(
        tf.math.neg(tf.sum(x, tf.constant(new int[] {0, 1}))),
        tf.math.maximum(count, tf.constant(1f)));
  }

  private static Operand<TInt32> rows(VariantContext context, String scalar) {
    return context.tf().dtypes.cast(context.scalar(scalar), TInt32.class);
  }

  private static Operand<TInt32> tokens(Ops tf, Operand<TFloat32> values) {
    return tf.dtypes.cast(tf.math.round(values), TInt32.class);
  }
}
