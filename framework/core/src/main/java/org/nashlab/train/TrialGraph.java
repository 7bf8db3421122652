package org.nashlab.train;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.AveragingContext;
import org.nashlab.api.ConstraintContext;
import org.nashlab.api.DiscriminatorSchedule;
import org.nashlab.api.InputTransform;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;
import org.nashlab.api.LossTerm;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.Player;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.TransformContext;
import org.nashlab.api.VariantContext;
import org.nashlab.api.WeightAveraging;
import org.nashlab.api.WeightConstraint;
import org.nashlab.api.WeightContext;
import org.nashlab.api.WeightReparametrisation;
import org.nashlab.nn.ConditionalNetwork;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.WeightReads;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * One trial's graph: the placeholders Nash feeds, and the standard two-player program built from
 * the experiment's loss and optimizers. Owns the {@link Graph}.
 */
final class TrialGraph implements VariantContext, AutoCloseable {
  private final Graph graph = new Graph();
  private final Ops tf;
  private final Shape sampleShape;
  private final Seeds initSeeds;
  private final Loss loss;
  private final Optimizer generatorOptimizer;
  private final Optimizer discriminatorOptimizer;
  private final Placeholder<TFloat32> realBatch;
  private Placeholder<TFloat32> latent;
  private final int classes;
  private final long generatorUpdates;
  private final long discriminatorUpdates;
  private final List<Technique> techniques;
  private final Variable<TFloat32> generatorSteps;
  private final Operand<TFloat32> progress;
  private int gradientScopes;
  private Placeholder<TInt32> realLabels;
  private Placeholder<TInt32> fakeLabels;
  private AveragedWeights averagedGenerator;

  TrialGraph(
      Shape sampleShape,
      Seeds initSeeds,
      Loss loss,
      Optimizer generatorOptimizer,
      Optimizer discriminatorOptimizer,
      int classes,
      long generatorUpdates,
      long discriminatorUpdates,
      Optional<org.tensorflow.DeviceSpec> placement,
      List<Technique> techniques) {
    SecondOrderGradients.register();
    Ops ops = Ops.create(graph);
    this.tf = placement.map(ops::withDevice).orElse(ops);
    this.techniques = List.copyOf(techniques);
    // Generator steps done so far: a variable, so checkpoints keep it; annealing reads it.
    this.generatorSteps = tf.withName("nash_generator_steps").variable(tf.constant(0f));
    this.progress =
        tf.math.minimum(
            tf.math.div(generatorSteps, tf.constant((float) Math.max(1, generatorUpdates))),
            tf.constant(1f));
    this.classes = classes;
    this.generatorUpdates = generatorUpdates;
    this.discriminatorUpdates = discriminatorUpdates;
    this.sampleShape = requireNonNull(sampleShape, "sampleShape");
    this.initSeeds = requireNonNull(initSeeds, "initSeeds");
    this.loss = requireNonNull(loss, "loss");
    this.generatorOptimizer = requireNonNull(generatorOptimizer, "generatorOptimizer");
    this.discriminatorOptimizer = requireNonNull(discriminatorOptimizer, "discriminatorOptimizer");
    this.realBatch =
        tf.withName("real").placeholder(TFloat32.class, Placeholder.shape(batched(sampleShape)));
    if (this.techniques.stream()
        .anyMatch(t -> t.regularizer() instanceof WeightReparametrisation)) {
      WeightReads.install(graph, this::reparametrised);
    }
  }

  /** A layer's weight through the first reparametrisation that applies to it. */
  private WeightReads.Read reparametrised(
      Ops ops, String layer, Variable<TFloat32> weight, int outputAxis) {
    if (!layer.startsWith("d_") && !layer.startsWith("g_")) {
      throw new IllegalArgumentException(
          "layer '"
              + layer
              + "' has a weight to reparametrise but its name says neither whose it is: name the"
              + " discriminator's layers d_... and the generator's g_...");
    }
    Player owner = layer.startsWith("d_") ? Player.DISCRIMINATOR : Player.GENERATOR;
    WeightContext context = new WeightContext(ops, layer, weight, outputAxis, owner, initSeeds);
    for (Technique t : techniques) {
      if (t.regularizer() instanceof WeightReparametrisation reparametrisation) {
        WeightReads.Read read = reparametrisation.reparametrise(context);
        if (read.value() != weight) {
          return read;
        }
      }
    }
    return context.plain();
  }

  /** The techniques that decide how many D updates run each step, in the experiment's order. */
  List<DiscriminatorSchedule> schedules() {
    return techniques.stream()
        .map(Technique::regularizer)
        .filter(DiscriminatorSchedule.class::isInstance)
        .map(DiscriminatorSchedule.class::cast)
        .toList();
  }

  /** The generator's averaged weights, when a technique keeps them. */
  Optional<AveragedWeights> averagedGenerator() {
    return Optional.ofNullable(averagedGenerator);
  }

  Graph graph() {
    return graph;
  }

  @Override
  public Ops tf() {
    return tf;
  }

  @Override
  public Shape sampleShape() {
    return sampleShape;
  }

  @Override
  public Placeholder<TFloat32> realBatch() {
    return realBatch;
  }

  @Override
  public Placeholder<TFloat32> latent(int dimension) {
    if (latent != null) {
      throw new IllegalStateException("latent() was already called; a trial has one latent input");
    }
    latent =
        tf.withName("latent")
            .placeholder(
                TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, dimension)));
    return latent;
  }

  /** The latent input the variant asked for. */
  Placeholder<TFloat32> latentInput() {
    if (latent == null) {
      throw new IllegalStateException("the variant never called latent(dimension)");
    }
    return latent;
  }

  @Override
  public Seeds initSeeds() {
    return initSeeds;
  }

  @Override
  public TrainingProgram twoPlayer(
      Network generator, Network discriminator, Operand<TFloat32> latentBatch) {
    return program(
        ConditionalNetwork.ignoringLabels(generator),
        ConditionalNetwork.ignoringLabels(discriminator),
        latentBatch,
        null,
        null);
  }

  @Override
  public int classes() {
    if (classes == 0) {
      throw new IllegalArgumentException(
          "this variant needs a dataset whose samples carry class labels; this one has none");
    }
    return classes;
  }

  @Override
  public TrainingProgram conditionalTwoPlayer(
      ConditionalNetwork generator,
      ConditionalNetwork discriminator,
      Operand<TFloat32> latentBatch) {
    classes();
    Shape batch = Shape.of(Shape.UNKNOWN_SIZE);
    realLabels = tf.withName("real_labels").placeholder(TInt32.class, Placeholder.shape(batch));
    fakeLabels = tf.withName("fake_labels").placeholder(TInt32.class, Placeholder.shape(batch));
    return program(generator, discriminator, latentBatch, realLabels, fakeLabels);
  }

  /** Whether the program reads labels, which Nash must then feed. */
  boolean conditional() {
    return realLabels != null;
  }

  Placeholder<TInt32> realLabels() {
    return realLabels;
  }

  Placeholder<TInt32> fakeLabels() {
    return fakeLabels;
  }

  private TrainingProgram program(
      ConditionalNetwork generator,
      ConditionalNetwork discriminator,
      Operand<TFloat32> latentBatch,
      Operand<TInt32> real,
      Operand<TInt32> conditioning) {
    // Shaped like the data, so that techniques see the sample's static shape on both batches.
    Operand<TFloat32> fake =
        tf.reshape(
            generator.apply(latentBatch, conditioning, Mode.TRAINING),
            tf.constant(Shape.of(-1).append(sampleShape).asArray()));
    Operand<TFloat32> realIn = transformed(realBatch, "real");
    Operand<TFloat32> fakeIn = transformed(fake, "fake");
    Operand<TFloat32> realLogits = discriminator.apply(realIn, real, Mode.TRAINING);
    Operand<TFloat32> fakeLogits = discriminator.apply(fakeIn, conditioning, Mode.TRAINING);
    AdversarialLosses losses = loss.build(new LossContext(tf, realLogits, fakeLogits));
    Operand<TFloat32> dLoss = losses.discriminator();
    Operand<TFloat32> gLoss = losses.generator();
    var dScalars = new java.util.LinkedHashMap<String, Operand<TFloat32>>();
    var gScalars = new java.util.LinkedHashMap<String, Operand<TFloat32>>();
    PenaltyContext penalties =
        new PenaltyContext(
            tf,
            realIn,
            fakeIn,
            realLogits,
            fakeLogits,
            x -> discriminator.apply(x, real, Mode.TRAINING),
            this::differentiableGradient,
            discriminator.variables(),
            generator.variables(),
            initSeeds);
    for (Technique t : techniques) {
      if (t.regularizer() instanceof LossTerm term) {
        LossTerm.Terms terms = term.terms(penalties);
        if (terms.discriminator().isPresent()) {
          dLoss = tf.math.add(dLoss, terms.discriminator().get());
          dScalars.put("reg/" + t.name() + "/d", terms.discriminator().get());
        }
        if (terms.generator().isPresent()) {
          gLoss = tf.math.add(gLoss, terms.generator().get());
          gScalars.put("reg/" + t.name() + "/g", terms.generator().get());
        }
      }
    }
    Op dTrain =
        constrained(
            Player.DISCRIMINATOR,
            discriminator.variables(),
            update(
                discriminatorOptimizer,
                "d",
                dLoss,
                discriminator.variables(),
                discriminator.updates(),
                discriminatorUpdates,
                dScalars));
    Op gStep =
        update(
            generatorOptimizer,
            "g",
            gLoss,
            generator.variables(),
            generator.updates(),
            generatorUpdates,
            gScalars);
    Op gTrain = constrained(Player.GENERATOR, generator.variables(), counted(gStep));
    gTrain = averaged(generator.variables(), gTrain);
    dScalars.putAll(losses.diagnostics());
    dScalars.put("loss/d", dLoss);
    dScalars.put("d/real", meanProbability(realLogits));
    dScalars.put("d/fake", meanProbability(fakeLogits));
    dScalars.put("d/accuracy-real", fractionPositive(realLogits, true));
    dScalars.put("d/accuracy-fake", fractionPositive(fakeLogits, false));
    gScalars.put("loss/g", gLoss);
    return new TrainingProgram(
        List.of(
            new TrainingProgram.Update(StepRunner.DISCRIMINATOR, dTrain, dScalars),
            new TrainingProgram.Update(StepRunner.GENERATOR, gTrain, gScalars)),
        generator.apply(latentBatch, conditioning, Mode.INFERENCE));
  }

  /** The generator's update, then the generator-step counter advanced. */
  private Op counted(Op generatorUpdate) {
    Op advance =
        tf.withControlDependencies(List.of(generatorUpdate))
            .assignAdd(generatorSteps, tf.constant(1f));
    return tf.withControlDependencies(List.of(advance)).withName("g_counted").noOp();
  }

  /** {@code batch} after every input transform, in the experiment's order. */
  private Operand<TFloat32> transformed(Operand<TFloat32> batch, String which) {
    Operand<TFloat32> x = batch;
    for (int i = 0; i < techniques.size(); i++) {
      if (techniques.get(i).regularizer() instanceof InputTransform transform) {
        x =
            transform.transform(
                new TransformContext(tf, x, progress, "reg" + i + "_" + which, initSeeds));
      }
    }
    return x;
  }

  /** The update followed by every weight constraint on that player. */
  private Op constrained(Player player, List<Variable<TFloat32>> variables, Op update) {
    Ops after = tf.withControlDependencies(List.of(update));
    List<Op> constraints = new ArrayList<>();
    for (Technique t : techniques) {
      if (t.regularizer() instanceof WeightConstraint constraint) {
        constraints.addAll(constraint.constrain(new ConstraintContext(after, player, variables)));
      }
    }
    return constraints.isEmpty()
        ? update
        : tf.withControlDependencies(constraints)
            .withName(update.op().name() + "_constrained")
            .noOp();
  }

  /**
   * The generator's update followed by the update of its shadow weights, when a technique keeps
   * them; at most one may.
   */
  private Op averaged(List<Variable<TFloat32>> variables, Op update) {
    Ops after = tf.withControlDependencies(List.of(update));
    List<WeightAveraging.Shadows> shadows = new ArrayList<>();
    for (Technique t : techniques) {
      if (t.regularizer() instanceof WeightAveraging averaging) {
        averaging
            .average(new AveragingContext(tf, after, Player.GENERATOR, variables))
            .ifPresent(shadows::add);
      }
    }
    if (shadows.isEmpty()) {
      return update;
    }
    if (shadows.size() > 1) {
      throw new IllegalArgumentException("only one technique may average the generator's weights");
    }
    averagedGenerator = new AveragedWeights(tf, variables, shadows.get(0).variables());
    return tf.withControlDependencies(shadows.get(0).updates()).withName("g_averaged").noOp();
  }

  /** A gradient that can itself be differentiated (for penalties on gradients). */
  private Operand<TFloat32> differentiableGradient(Operand<TFloat32> y, Operand<TFloat32> x) {
    String scope = "penalty_grad" + gradientScopes++;
    Operand<TFloat32> sum = tf.reduceSum(y, tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
    Output<?>[] dy = {tf.withName(scope + "_seed").constant(1f).asOutput()};
    return graph
        .addGradients(scope, new Output<?>[] {sum.asOutput()}, new Output<?>[] {x.asOutput()}, dy)[
        0]
        .expect(TFloat32.class);
  }

  private Op update(
      Optimizer optimizer,
      String network,
      Operand<TFloat32> objective,
      List<Variable<TFloat32>> variables,
      List<Op> networkUpdates,
      long totalUpdates,
      Map<String, Operand<TFloat32>> scalars) {
    List<Operand<TFloat32>> gradients =
        Gradients.of(graph, tf, objective, variables, network + "_grad");
    scalars.put("grad-norm/" + network, globalNorm(gradients));
    Op step =
        optimizer.apply(new OptimizerContext(graph, network, variables, gradients, totalUpdates));
    List<Op> all = new ArrayList<>(networkUpdates);
    all.add(step);
    return tf.withControlDependencies(all).withName(network + "_step").noOp();
  }

  /** D's mean belief that its inputs are real, {@code mean(sigmoid(logits))}. */
  private Operand<TFloat32> meanProbability(Operand<TFloat32> logits) {
    return tf.math.mean(tf.math.sigmoid(logits), tf.constant(new int[] {0, 1}));
  }

  /**
   * D's accuracy on a batch: the fraction of logits above 0 (said real) or, for fakes, not above 0.
   */
  private Operand<TFloat32> fractionPositive(Operand<TFloat32> logits, boolean real) {
    Operand<TFloat32> said =
        tf.dtypes.cast(tf.math.greater(logits, tf.constant(0f)), TFloat32.class);
    Operand<TFloat32> right = real ? said : tf.math.sub(tf.constant(1f), said);
    return tf.math.mean(right, tf.constant(new int[] {0, 1}));
  }

  /** The L2 norm of all gradients together, the size of the step the optimizer is shown. */
  private Operand<TFloat32> globalNorm(List<Operand<TFloat32>> gradients) {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Operand<TFloat32> g : gradients) {
      sum =
          tf.math.add(
              sum,
              tf.reduceSum(
                  tf.math.square(g), tf.range(tf.constant(0), tf.rank(g), tf.constant(1))));
    }
    return tf.math.sqrt(sum);
  }

  private static Shape batched(Shape sample) {
    List<Long> dims = new ArrayList<>();
    dims.add(Shape.UNKNOWN_SIZE);
    for (long d : sample.asArray()) {
      dims.add(d);
    }
    return Shape.of(dims.stream().mapToLong(Long::longValue).toArray());
  }

  @Override
  public void close() {
    graph.close();
  }
}
