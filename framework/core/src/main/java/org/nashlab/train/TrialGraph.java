package org.nashlab.train;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.ConditionalNetwork;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
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
  private Placeholder<TInt32> realLabels;
  private Placeholder<TInt32> fakeLabels;

  TrialGraph(
      Shape sampleShape,
      Seeds initSeeds,
      Loss loss,
      Optimizer generatorOptimizer,
      Optimizer discriminatorOptimizer,
      int classes,
      long generatorUpdates,
      long discriminatorUpdates,
      java.util.Optional<org.tensorflow.DeviceSpec> placement) {
    Ops ops = Ops.create(graph);
    this.tf = placement.map(ops::withDevice).orElse(ops);
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
    Operand<TFloat32> fake = generator.apply(latentBatch, conditioning, Mode.TRAINING);
    Operand<TFloat32> realLogits = discriminator.apply(realBatch, real, Mode.TRAINING);
    Operand<TFloat32> fakeLogits = discriminator.apply(fake, conditioning, Mode.TRAINING);
    AdversarialLosses losses = loss.build(new LossContext(tf, realLogits, fakeLogits));
    Op dTrain =
        update(
            discriminatorOptimizer,
            "d",
            losses.discriminator(),
            discriminator.variables(),
            discriminator.updates(),
            discriminatorUpdates);
    Op gTrain =
        update(
            generatorOptimizer,
            "g",
            losses.generator(),
            generator.variables(),
            generator.updates(),
            generatorUpdates);
    var dScalars = new java.util.LinkedHashMap<String, Operand<TFloat32>>();
    dScalars.put("loss/d", losses.discriminator());
    dScalars.put("d/real", meanProbability(realLogits));
    dScalars.put("d/fake", meanProbability(fakeLogits));
    return new TrainingProgram(
        List.of(
            new TrainingProgram.Update(StepRunner.DISCRIMINATOR, dTrain, dScalars),
            new TrainingProgram.Update(
                StepRunner.GENERATOR, gTrain, java.util.Map.of("loss/g", losses.generator()))),
        generator.apply(latentBatch, conditioning, Mode.INFERENCE));
  }

  private Op update(
      Optimizer optimizer,
      String network,
      Operand<TFloat32> objective,
      List<Variable<TFloat32>> variables,
      List<Op> networkUpdates,
      long totalUpdates) {
    List<Operand<TFloat32>> gradients =
        Gradients.of(graph, tf, objective, variables, network + "_grad");
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
