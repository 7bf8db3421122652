package org.nashlab.train;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.DataSource;
import org.nashlab.api.DiscriminatorSchedule;
import org.nashlab.api.LabeledSource;
import org.nashlab.api.Loss;
import org.nashlab.api.LossTerm;
import org.nashlab.api.NamedTerms;
import org.nashlab.api.Optimizer;
import org.nashlab.api.OptimizerContext;
import org.nashlab.api.Packing;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.Player;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Axes;
import org.nashlab.nn.CustomGradients;
import org.nashlab.nn.FirstOrderGraphs;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
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
 * One trial's graph and the {@link VariantContext} a variant builds its program on: the inputs Nash
 * feeds ({@link ProgramInputs}), the declared networks and their roles, the experiment's loss and
 * optimizers, and the technique wiring ({@link TechniqueWiring}). Owns the {@link Graph}.
 */
final class TrialGraph implements VariantContext, AutoCloseable {
  private final Graph graph = new Graph();
  private final Ops tf;
  private final Seeds initSeeds;
  private final Loss loss;
  private final Map<String, Optimizer> optimizers;
  private final long steps;
  private final int batchSize;
  private final int discriminatorSteps;
  private final boolean simultaneous;
  private boolean simultaneousAsked;
  private boolean packingAsked;
  private final ProgramInputs inputs;
  private final TechniqueWiring techniques;
  private final Map<String, Player> networks = new LinkedHashMap<>();
  private final List<AveragedWeights> averaged = new ArrayList<>();
  private final Map<String, List<Op>> techniqueUpdates = new LinkedHashMap<>();
  private int gradientScopes;

  /**
   * @param streams the data streams by name ({@value VariantContext#REAL} for one dataset)
   * @param optimizers by role ({@code generator}, {@code discriminator})
   */
  TrialGraph(
      Map<String, DataSource> streams,
      Seeds initSeeds,
      Loss loss,
      Map<String, Optimizer> optimizers,
      long steps,
      int batchSize,
      int discriminatorSteps,
      boolean simultaneous,
      Optional<org.tensorflow.DeviceSpec> placement,
      List<Technique> techniques) {
    CustomGradients.registerToolkit();
    Ops ops = Ops.create(graph);
    this.tf = placement.map(ops::withDevice).orElse(ops);
    this.initSeeds = requireNonNull(initSeeds, "initSeeds");
    this.loss = requireNonNull(loss, "loss");
    this.optimizers = Map.copyOf(optimizers);
    this.steps = steps;
    this.batchSize = batchSize;
    this.discriminatorSteps = discriminatorSteps;
    this.simultaneous = simultaneous;
    this.inputs = new ProgramInputs(tf, streams, steps);
    this.techniques = new TechniqueWiring(tf, inputs.progress(), initSeeds, techniques);
    networks.put("g", Player.GENERATOR);
    networks.put("d", Player.DISCRIMINATOR);
    // No penalty differentiates a gradient of this graph: batch norm may use its fused kernel.
    if (techniques.stream().noneMatch(t -> t.regularizer() instanceof LossTerm)) {
      FirstOrderGraphs.declare(graph);
    }
    if (this.techniques.reparametrises()) {
      WeightReads.install(
          graph,
          (ops2, layer, weight, axis) ->
              this.techniques.reparametrised(ops2, layer, weight, axis, owner(layer)));
    }
  }

  /** The role of the declared network whose prefix names {@code layer}; the longest prefix wins. */
  private Player owner(String layer) {
    return networks.keySet().stream()
        .filter(n -> layer.startsWith(n + "_"))
        .max(Comparator.comparingInt(String::length))
        .map(networks::get)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "layer '"
                        + layer
                        + "' has a weight to reparametrise but belongs to no declared network: name"
                        + " its layers after one of "
                        + networks.keySet()
                        + " (NAME_...) or declare its network with declareNetwork"));
  }

  Graph graph() {
    return graph;
  }

  ProgramInputs inputs() {
    return inputs;
  }

  /** The shadow weights of every averaged network, swapped in for samples and evaluation. */
  List<AveragedWeights> averagedWeights() {
    return List.copyOf(averaged);
  }

  @Override
  public Ops tf() {
    return tf;
  }

  @Override
  public Seeds initSeeds() {
    return initSeeds;
  }

  @Override
  public List<String> streams() {
    return inputs.streams();
  }

  @Override
  public Shape sampleShape() {
    return sampleShape(REAL);
  }

  @Override
  public DataSource source(String stream) {
    return inputs.source(stream);
  }

  @Override
  public Shape sampleShape(String stream) {
    return inputs.source(stream).sampleShape();
  }

  @Override
  public Placeholder<TFloat32> realBatch() {
    return real(REAL);
  }

  @Override
  public Placeholder<TFloat32> real(String stream) {
    return inputs.real(stream);
  }

  @Override
  public Placeholder<TInt32> realLabels(String stream) {
    return inputs.realLabels(stream);
  }

  @Override
  public int classes() {
    int classes = classes(REAL);
    if (classes == 0) {
      throw new IllegalArgumentException(
          "this variant needs a dataset whose samples carry class labels; this one has none");
    }
    return classes;
  }

  @Override
  public int classes(String stream) {
    return inputs.source(stream) instanceof LabeledSource labeled ? labeled.classes() : 0;
  }

  @Override
  public Placeholder<TFloat32> latent(int dimension) {
    return latent("latent", dimension);
  }

  @Override
  public Placeholder<TFloat32> latent(String name, int dimension) {
    return inputs.latent(name, dimension);
  }

  @Override
  public Placeholder<TInt32> randomLabels(String name, int classes) {
    return inputs.randomLabels(name, classes);
  }

  @Override
  public Operand<TFloat32> scalar(String name) {
    return inputs.scalar(name);
  }

  @Override
  public Operand<TFloat32> progress() {
    return inputs.progress();
  }

  @Override
  public long steps() {
    return steps;
  }

  @Override
  public int batchSize() {
    return batchSize;
  }

  @Override
  public int discriminatorSteps() {
    return discriminatorSteps;
  }

  @Override
  public void declareNetwork(String name, Player role) {
    if (name.isEmpty() || !name.matches("[A-Za-z0-9]+")) {
      throw new IllegalArgumentException(
          "network name '" + name + "' must be letters and digits only (layers are NAME_...)");
    }
    if (role == Player.BOTH) {
      throw new IllegalArgumentException("network '" + name + "' needs one role, not both");
    }
    if (networks.putIfAbsent(name, role) != null) {
      throw new IllegalArgumentException("network '" + name + "' is declared already");
    }
  }

  @Override
  public Loss loss() {
    return context -> PluginFailure.of("loss", () -> loss.build(context));
  }

  @Override
  public Optimizer optimizer(String network) {
    String key = roleKey(role(network));
    Optimizer optimizer = optimizers.get(key);
    if (optimizer == null) {
      throw new IllegalArgumentException(
          "network '" + network + "' has no optimizer: add optimizers." + key);
    }
    return optimizer;
  }

  private Player role(String network) {
    Player role = networks.get(network);
    if (role == null) {
      throw new IllegalArgumentException(
          "network '" + network + "' was never declared; declared: " + networks.keySet());
    }
    return role;
  }

  private static String roleKey(Player role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Op minimize(
      String network,
      Trainable trainable,
      Operand<TFloat32> objective,
      long totalUpdates,
      Map<String, Operand<TFloat32>> scalars) {
    Objective o = new Objective(network, trainable, objective, totalUpdates, scalars);
    return update(o, gradients(o));
  }

  @Override
  public Op minimizeSimultaneously(List<Objective> objectives) {
    List<List<Operand<TFloat32>>> gradients = objectives.stream().map(this::gradients).toList();
    // Variables are read by reference when an op runs: no network may move before every
    // gradient, of every objective, has been computed from the weights as they were.
    Ops afterAll =
        tf.withControlDependencies(
            gradients.stream().flatMap(List::stream).<Op>map(tf::identity).toList());
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < objectives.size(); i++) {
      updates.add(
          update(
              objectives.get(i),
              gradients.get(i).stream().<Operand<TFloat32>>map(afterAll::identity).toList()));
    }
    return tf.withControlDependencies(updates).withName("simultaneous_step").noOp();
  }

  @Override
  public boolean simultaneousUpdates() {
    simultaneousAsked = true;
    return simultaneous;
  }

  /** Whether the experiment asked for simultaneous updates and the program never read it. */
  boolean simultaneousUnasked() {
    return simultaneous && !simultaneousAsked;
  }

  @Override
  public int packing() {
    packingAsked = true;
    return techniques.packing().map(this::degree).orElse(1);
  }

  private int degree(Technique technique) {
    int degree = ((Packing) technique.regularizer()).degree();
    if (batchSize % degree != 0) {
      throw new PluginFailure(
          "training.batch-size",
          new IllegalArgumentException(
              batchSize
                  + " is not a multiple of the packing degree "
                  + degree
                  + " ("
                  + technique.section()
                  + "): the critic judges batch-size / degree packed samples"));
    }
    return degree;
  }

  /** The packing technique, when the experiment packs and the program never asked for it. */
  Optional<Technique> packingUnasked() {
    return packingAsked ? Optional.empty() : techniques.packing();
  }

  private List<Operand<TFloat32>> gradients(Objective objective) {
    List<Operand<TFloat32>> gradients =
        Gradients.of(
            graph,
            tf,
            objective.value(),
            objective.trainable().variables(),
            objective.network() + "_grad");
    objective.scalars().put("grad-norm/" + objective.network(), globalNorm(gradients));
    return gradients;
  }

  /** The network's optimizer step on {@code gradients}, its layer updates, constraints, EMA. */
  private Op update(Objective objective, List<Operand<TFloat32>> gradients) {
    String network = objective.network();
    Player role = role(network);
    List<Variable<TFloat32>> variables = objective.trainable().variables();
    Optimizer optimizer = optimizer(network);
    String section = "optimizers." + roleKey(role);
    Op step =
        PluginFailure.of(
            section,
            () ->
                optimizer.apply(
                    new OptimizerContext(
                        graph, network, variables, gradients, objective.totalUpdates())));
    List<Op> all = new ArrayList<>(objective.trainable().updates());
    all.addAll(techniqueUpdates.getOrDefault(network, List.of()));
    all.add(step);
    Op update =
        techniques.constrained(
            role, variables, tf.withControlDependencies(all).withName(network + "_step").noOp());
    Optional<TechniqueWiring.Averaged> average =
        techniques.averaged(network, role, variables, update);
    average.ifPresent(a -> averaged.add(a.weights()));
    return average.map(TechniqueWiring.Averaged::update).orElse(update);
  }

  @Override
  public Operand<TFloat32> criticInput(Operand<TFloat32> batch, String name) {
    Operand<TFloat32> transformed = techniques.transformed(batch, name);
    if (!packingAsked) {
      return transformed;
    }
    int degree = packing();
    return degree == 1 ? transformed : PackedBatch.of(tf, transformed, degree);
  }

  @Override
  public List<NamedTerms> lossTerms(PenaltyContext context) {
    List<NamedTerms> terms = techniques.lossTerms(context);
    // The context is named after its critic's network: their updates run with that network's.
    terms.forEach(
        named ->
            techniqueUpdates
                .computeIfAbsent(context.name(), n -> new ArrayList<>())
                .addAll(named.terms().updates()));
    return terms;
  }

  @Override
  public PenaltyContext.GradientOf gradients() {
    return this::differentiableGradient;
  }

  @Override
  public List<DiscriminatorSchedule> discriminatorSchedules() {
    return techniques.schedules();
  }

  /** A gradient that can itself be differentiated (for penalties on gradients). */
  private Operand<TFloat32> differentiableGradient(Operand<TFloat32> y, Operand<TFloat32> x) {
    String scope = "penalty_grad" + gradientScopes++;
    Operand<TFloat32> sum = tf.reduceSum(y, Axes.all(tf, y));
    Output<?>[] dy = {tf.withName(scope + "_seed").constant(1f).asOutput()};
    return graph
        .addGradients(scope, new Output<?>[] {sum.asOutput()}, new Output<?>[] {x.asOutput()}, dy)[
        0]
        .expect(TFloat32.class);
  }

  /** The L2 norm of all gradients together, the size of the step the optimizer is shown. */
  private Operand<TFloat32> globalNorm(List<Operand<TFloat32>> gradients) {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Operand<TFloat32> g : gradients) {
      sum = tf.math.add(sum, tf.reduceSum(tf.math.square(g), Axes.all(tf, g)));
    }
    return tf.math.sqrt(sum);
  }

  @Override
  public void close() {
    inputs.close();
    graph.close();
  }
}
