package org.nashlab.variant.seqgan;

import java.util.ArrayList;
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

  private final VariantContext context;
  private final Ops tf;
  private final SeqGan.Params params;
  private final Phases phases;
  private final int length;
  private final LstmGenerator generator;
  private final TokenCritic critic;

  private SeqGanProgram(
      VariantContext context, SeqGan.Params params, Phases phases, int vocabulary) {
    this.context = context;
    this.tf = context.tf();
    this.params = params;
    this.phases = phases;
    this.length = Math.toIntExact(context.sampleShape().get(0));
    this.generator =
        new LstmGenerator(
            tf, "g", vocabulary, params.embeddingDim(), params.hiddenDim(), context.initSeeds());
    this.critic =
        new TokenCritic(
            tf,
            "d",
            vocabulary,
            params.discriminatorEmbeddingDim(),
            Filters.parse(params.filters()),
            (float) params.dropout(),
            context.initSeeds());
  }

  static TrainingProgram build(
      VariantContext context, SeqGan.Params params, Phases phases, int vocabulary) {
    return new SeqGanProgram(context, params, phases, vocabulary).program();
  }

  private TrainingProgram program() {
    CriticPass pass =
        CriticPass.of(
            context,
            critic,
            generator,
            critic.embed(tokens(context.realBatch())),
            critic.embed(drawn("seqgan_negatives").tokens()));
    List<TrainingProgram.Update> updates = new ArrayList<>(generatorUpdates(pass.terms()));
    updates.add(discriminatorUpdate(pass));
    Operand<TFloat32> samples =
        tf.dtypes.cast(
            generator.draw(Categorical.uniform(tf, context.latent(length)), length).tokens(),
            TFloat32.class);
    return new TrainingProgram(
        updates,
        schedule(phases, context.batchSize()),
        samples,
        VariantContext.REAL,
        Optional.empty(),
        probes());
  }

  /** D judges real sequences against sequences G draws; the authors' L2 term on its output. */
  private TrainingProgram.Update discriminatorUpdate(CriticPass pass) {
    CriticTerms terms = pass.terms();
    Operand<TFloat32> l2 = tf.math.mul(tf.constant((float) params.l2()), critic.outputL2());
    Operand<TFloat32> loss = tf.math.add(terms.objective(), l2);
    Map<String, Operand<TFloat32>> scalars = new LinkedHashMap<>(terms.scalars());
    scalars.put("reg/l2/d", l2);
    long updates = Math.max(1, phases.discriminatorUpdates(context.steps()));
    Op train = context.minimize("d", critic, loss, updates, scalars);
    scalars.putAll(pass.losses().diagnostics());
    scalars.put("loss/d", loss);
    scalars.put("d/real", Critics.meanProbability(tf, pass.realScores()));
    scalars.put("d/fake", Critics.meanProbability(tf, pass.fakeScores()));
    return new TrainingProgram.Update(DISCRIMINATOR, train, scalars);
  }

  /**
   * G's one train op, as two updates with the scalars of each objective: maximum likelihood on the
   * first {@value #MLE_ROWS} real rows, and the policy gradient on {@value #POLICY_ROWS} drawn
   * sequences rewarded by D through rollouts; plus the techniques' generator terms.
   */
  private List<TrainingProgram.Update> generatorUpdates(CriticTerms terms) {
    Operand<TFloat32> mleRows = Rows.first(tf, context.realBatch(), rows(MLE_ROWS));
    Operand<TFloat32> nll = negativeMean(tf, generator.logProbabilities(tokens(mleRows), length));

    Operand<TInt32> policyRows = rows(POLICY_ROWS);
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

    Map<String, Operand<TFloat32>> scalars = new LinkedHashMap<>(terms.generatorTerms());
    Operand<TFloat32> loss = terms.addGeneratorTerms(tf, tf.math.add(nll, policyLoss));
    long updates = Math.max(1, phases.generatorUpdates(context.steps()));
    Op train = context.minimize("g", generator, loss, updates, scalars);
    Map<String, Operand<TFloat32>> mle = new LinkedHashMap<>(scalars);
    mle.put("loss/g-mle", nll);
    Map<String, Operand<TFloat32>> policy = new LinkedHashMap<>(scalars);
    policy.put("loss/g", policyLoss);
    policy.put("seqgan/reward", negativeMean(tf, tf.math.neg(rewards)));
    return List.of(
        new TrainingProgram.Update(GENERATOR_MLE, train, mle),
        new TrainingProgram.Update(GENERATOR_POLICY, train, policy));
  }

  /** A batch G draws from the start at the latent input {@code name}. */
  private LstmGenerator.Drawn drawn(String name) {
    return generator.draw(Categorical.uniform(tf, context.latent(name, length)), length);
  }

  /** {@code nll-test}: G's mean NLL per token of the held-out sequences, up to their end tokens. */
  private Map<String, Operand<TFloat32>> probes() {
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

  private Operand<TInt32> rows(String scalar) {
    return tf.dtypes.cast(context.scalar(scalar), TInt32.class);
  }

  private Operand<TInt32> tokens(Operand<TFloat32> values) {
    return tf.dtypes.cast(tf.math.round(values), TInt32.class);
  }
}
