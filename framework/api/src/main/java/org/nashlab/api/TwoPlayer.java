package org.nashlab.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.nn.ConditionalNetwork;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The standard two-player program, written only on the public parts of a {@link VariantContext}:
 * the discriminator {@code d} learns to tell the {@value VariantContext#REAL} stream from {@code
 * generator(latent)}, the generator {@code g} learns to fool it, with the experiment's loss,
 * optimizers and techniques. Both networks are applied in training mode; samples come from the
 * generator in inference mode.
 *
 * <p>Each step runs {@code training.d-steps} discriminator updates, then one generator update, each
 * on a fresh batch; under {@code training.updates: simultaneous}, one update of both from one batch
 * instead. The discriminator judges packed samples when the variant built it for them ({@link
 * VariantContext#packing()}). When a technique schedules D's updates (d-skip), D's scalars are
 * first measured on the step's first batch, the schedules decide how many D updates run, and the
 * first of them trains on that same batch; with none, D's scalars are those measured.
 *
 * <p>A variant with a program of its own can start from a copy of this class.
 */
public final class TwoPlayer {
  /** The discriminator's update. */
  public static final String DISCRIMINATOR = "discriminator";

  /** The generator's update. */
  public static final String GENERATOR = "generator";

  /** D's and G's update together, under {@code training.updates: simultaneous}. */
  public static final String SIMULTANEOUS = "simultaneous";

  /** The scalar that logs how many D updates a discriminator schedule decided on. */
  public static final String DISCRIMINATOR_UPDATES = "schedule/d-updates";

  private static final String DISCRIMINATOR_LOSS = "loss/d";

  private TwoPlayer() {}

  /** The unconditional program. */
  public static TrainingProgram program(
      VariantContext context, Network generator, Network discriminator, Operand<TFloat32> latent) {
    return build(
        context,
        ConditionalNetwork.ignoringLabels(generator),
        ConditionalNetwork.ignoringLabels(discriminator),
        latent,
        null,
        null);
  }

  /**
   * The class-conditional program (Mirza and Osindero 2014): the generator is conditioned on labels
   * drawn uniformly each step, the discriminator on the labels of the samples it judges.
   */
  public static TrainingProgram conditional(
      VariantContext context,
      ConditionalNetwork generator,
      ConditionalNetwork discriminator,
      Operand<TFloat32> latent) {
    int classes = context.classes();
    return build(
        context,
        generator,
        discriminator,
        latent,
        context.realLabels(VariantContext.REAL),
        context.randomLabels("fake_labels", classes));
  }

  private static TrainingProgram build(
      VariantContext context,
      ConditionalNetwork generator,
      ConditionalNetwork discriminator,
      Operand<TFloat32> latent,
      Operand<TInt32> realLabels,
      Operand<TInt32> fakeLabels) {
    Ops tf = context.tf();
    Shape sampleShape = context.sampleShape();
    Operand<TFloat32> realBatch = context.realBatch();
    // Shaped like the data, so that techniques see the sample's static shape on both batches.
    Operand<TFloat32> fake =
        tf.reshape(
            generator.apply(latent, fakeLabels, Mode.TRAINING),
            tf.constant(Shape.of(-1).append(sampleShape).asArray()));
    Operand<TFloat32> realIn = context.criticInput(realBatch, "real");
    Operand<TFloat32> fakeIn = context.criticInput(fake, "fake");
    Operand<TFloat32> realLogits = discriminator.apply(realIn, realLabels, Mode.TRAINING);
    Operand<TFloat32> fakeLogits = discriminator.apply(fakeIn, fakeLabels, Mode.TRAINING);
    AdversarialLosses losses = context.loss().build(new LossContext(tf, realLogits, fakeLogits));
    Map<String, Operand<TFloat32>> dScalars = new LinkedHashMap<>();
    Map<String, Operand<TFloat32>> gScalars = new LinkedHashMap<>();
    CriticTerms terms =
        CriticTerms.of(
            context,
            PenaltyContext.of(
                context,
                "d",
                realIn,
                fakeIn,
                realLogits,
                fakeLogits,
                x -> discriminator.apply(x, realLabels, Mode.TRAINING),
                discriminator.variables(),
                generator.variables()),
            losses.discriminator(),
            "d");
    Operand<TFloat32> dLoss = terms.objective();
    dScalars.putAll(terms.scalars());
    Operand<TFloat32> gLoss = terms.addGeneratorTerms(tf, losses.generator());
    gScalars.putAll(terms.generatorTerms());
    dScalars.putAll(losses.diagnostics());
    dScalars.put(DISCRIMINATOR_LOSS, dLoss);
    dScalars.put("d/real", Critics.meanProbability(tf, realLogits));
    dScalars.put("d/fake", Critics.meanProbability(tf, fakeLogits));
    dScalars.put("d/accuracy-real", Critics.accuracy(tf, realLogits, true));
    dScalars.put("d/accuracy-fake", Critics.accuracy(tf, fakeLogits, false));
    gScalars.put("loss/g", gLoss);
    Operand<TFloat32> samples = generator.apply(latent, fakeLabels, Mode.INFERENCE);
    long steps = context.steps();
    int dSteps = context.discriminatorSteps();
    var dObjective =
        new VariantContext.Objective("d", discriminator, dLoss, steps * dSteps, dScalars);
    var gObjective = new VariantContext.Objective("g", generator, gLoss, steps, gScalars);
    if (context.simultaneousUpdates()) {
      return simultaneous(context, dObjective, gObjective, samples);
    }
    Op dTrain = context.minimize("d", discriminator, dLoss, steps * dSteps, dScalars);
    Op gTrain = context.minimize("g", generator, gLoss, steps, gScalars);
    return new TrainingProgram(
        List.of(
            new TrainingProgram.Update(DISCRIMINATOR, dTrain, dScalars),
            new TrainingProgram.Update(GENERATOR, gTrain, gScalars)),
        new Alternating(dSteps, context.discriminatorSchedules()),
        samples);
  }

  /**
   * One update of D and G together on one batch, both gradients at the step's starting weights, as
   * ALI's and PacGAN's code train ({@code training.updates: simultaneous}).
   */
  private static TrainingProgram simultaneous(
      VariantContext context,
      VariantContext.Objective discriminator,
      VariantContext.Objective generator,
      Operand<TFloat32> samples) {
    if (context.discriminatorSteps() != 1 || !context.discriminatorSchedules().isEmpty()) {
      throw new IllegalArgumentException(
          "training.updates: simultaneous updates D and G once per step from one batch;"
              + " training.d-steps must be 1 and techniques that schedule D (d-skip) do not apply");
    }
    Op both = context.minimizeSimultaneously(List.of(discriminator, generator));
    Map<String, Operand<TFloat32>> scalars = new LinkedHashMap<>(discriminator.scalars());
    scalars.putAll(generator.scalars());
    return new TrainingProgram(
        List.of(new TrainingProgram.Update(SIMULTANEOUS, both, scalars)),
        step -> {
          step.draw();
          step.run(SIMULTANEOUS, step.logging());
        },
        samples);
  }

  /**
   * D updates then one G update, each on a fresh batch. The decision of a discriminator schedule
   * depends only on the state at the start of the step, so a resumed trial decides exactly as an
   * uninterrupted one.
   */
  private record Alternating(int dSteps, List<DiscriminatorSchedule> schedules)
      implements Schedule {
    @Override
    public void step(Step step) {
      if (schedules.isEmpty()) {
        for (int k = 1; k <= dSteps; k++) {
          step.draw();
          step.run(DISCRIMINATOR, step.logging() && k == dSteps);
        }
      } else {
        scheduledDiscriminator(step);
      }
      step.draw();
      step.run(GENERATOR, step.logging());
    }

    private void scheduledDiscriminator(Step step) {
      step.draw();
      Map<String, Float> measured = new HashMap<>(step.measure(DISCRIMINATOR));
      int updates = dSteps;
      for (DiscriminatorSchedule schedule : schedules) {
        updates =
            schedule.discriminatorUpdates(
                new ScheduleContext(step.number() - 1, updates, measured.get(DISCRIMINATOR_LOSS)));
      }
      if (updates == 0 && step.logging()) {
        measured.forEach(step::log);
      }
      for (int k = 1; k <= updates; k++) {
        if (k > 1) {
          step.draw();
        }
        step.run(DISCRIMINATOR, step.logging() && k == updates);
      }
      if (step.logging()) {
        step.log(DISCRIMINATOR_UPDATES, updates);
      }
    }
  }
}
