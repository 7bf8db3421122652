package org.example.nash;

import static org.nashlab.api.ParamChecks.layerDepth;
import static org.nashlab.api.ParamChecks.layerWidth;
import static org.nashlab.api.ParamChecks.positive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.CriticTerms;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossContext;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.Player;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Mlp;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Reshape;
import org.nashlab.nn.Sequential;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * GMAN (Durugkar, Gemp & Mahadevan 2017), the arithmetic-mean variant: one MLP generator against
 * {@code critics} MLP discriminators, each trained on its own with the experiment's loss, the
 * generator minimising the mean of their generator losses. A program of its own on Nash's kit: it
 * declares its critics, reads the data and a latent, builds each update with {@code minimize}, and
 * schedules one update of all critics, then one of the generator, each on a fresh batch. Techniques
 * apply to every critic (penalties, spectral norm) by role.
 */
@Doc(
    "GMAN (Durugkar et al. 2017): one MLP generator against several MLP critics, mean of their losses")
public final class MultiCriticGan implements Variant {
  public record Params(
      @Doc("dimension of the Gaussian latent vector") @Default("64") int latentDim,
      @Doc("units in each hidden layer") @Default("128") int width,
      @Doc("hidden layers of every network") @Default("2") int depth,
      @Doc("discriminators the generator plays against") @Default("3") int critics) {
    public Params {
      layerWidth(latentDim, "latent-dim");
      layerWidth(width, "width");
      layerDepth(depth, "depth");
      positive(critics, "critics");
    }
  }

  static final String CRITICS = "critics";
  static final String GENERATOR = "generator";
  private final Params params;

  public MultiCriticGan(Params params) {
    this.params = params;
  }

  /** Its networks are MLPs, which take samples of any shape, of the one stream. */
  @Override
  public List<String> problemsWith(DataDescription data) {
    return data.ofSingleStream(real -> List.of());
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    if (context.discriminatorSteps() != 1 || !context.discriminatorSchedules().isEmpty()) {
      throw new IllegalArgumentException(
          "multi-critic updates every critic once per step; training.d-steps must be 1 and"
              + " techniques that schedule D (d-skip) do not apply");
    }
    Ops tf = context.tf();
    Shape sample = context.sampleShape();
    Operand<TFloat32> latent = context.latent(params.latentDim());
    Network generator =
        new Sequential(
            List.of(
                Mlp.of(
                    tf,
                    "g",
                    params.latentDim(),
                    params.width(),
                    params.depth(),
                    sample.size(),
                    context.initSeeds()),
                Reshape.to(tf, sample)));
    Operand<TFloat32> fake = generator.apply(latent, Mode.TRAINING);
    Operand<TFloat32> real = context.realBatch();

    List<Op> criticUpdates = new ArrayList<>();
    Map<String, Operand<TFloat32>> criticScalars = new LinkedHashMap<>();
    Operand<TFloat32> generatorLoss = tf.constant(0f);
    CriticTerms withGenerator = null;
    for (int k = 1; k <= params.critics(); k++) {
      String name = "d" + k;
      context.declareNetwork(name, Player.DISCRIMINATOR);
      Network critic =
          new Sequential(
              List.of(
                  Reshape.flatten(tf, sample.size()),
                  Mlp.of(
                      tf,
                      name,
                      sample.size(),
                      params.width(),
                      params.depth(),
                      1,
                      context.initSeeds())));
      Operand<TFloat32> realIn = context.criticInput(real, name + "_real");
      Operand<TFloat32> fakeIn = context.criticInput(fake, name + "_fake");
      Operand<TFloat32> realLogits = critic.apply(realIn, Mode.TRAINING);
      Operand<TFloat32> fakeLogits = critic.apply(fakeIn, Mode.TRAINING);
      AdversarialLosses losses = context.loss().build(new LossContext(tf, realLogits, fakeLogits));
      // The generator's variables go to the first critic's techniques only, so that a
      // generator-side term (weight decay of G) counts once.
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
                  x -> critic.apply(x, Mode.TRAINING),
                  critic.variables(),
                  k == 1 ? generator.variables() : List.of()),
              losses.discriminator(),
              name);
      Operand<TFloat32> loss = terms.objective();
      criticScalars.putAll(terms.scalars());
      if (k == 1) {
        withGenerator = terms;
      }
      criticScalars.put("loss/" + name, loss);
      criticUpdates.add(context.minimize(name, critic, loss, context.steps(), criticScalars));
      generatorLoss = tf.math.add(generatorLoss, losses.generator());
    }
    generatorLoss = tf.math.div(generatorLoss, tf.constant((float) params.critics()));
    Map<String, Operand<TFloat32>> generatorScalars =
        new LinkedHashMap<>(withGenerator.generatorTerms());
    generatorLoss = withGenerator.addGeneratorTerms(tf, generatorLoss);
    generatorScalars.put("loss/g", generatorLoss);
    Op generatorUpdate =
        context.minimize("g", generator, generatorLoss, context.steps(), generatorScalars);
    Op allCritics = tf.withControlDependencies(criticUpdates).withName("all_critics").noOp();
    return new TrainingProgram(
        List.of(
            new TrainingProgram.Update(CRITICS, allCritics, criticScalars),
            new TrainingProgram.Update(GENERATOR, generatorUpdate, generatorScalars)),
        step -> {
          step.draw();
          step.run(CRITICS, step.logging());
          step.draw();
          step.run(GENERATOR, step.logging());
        },
        generator.apply(latent, Mode.INFERENCE));
  }
}
