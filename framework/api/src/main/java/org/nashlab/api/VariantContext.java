package org.nashlab.api;

import java.util.List;
import java.util.Map;
import org.nashlab.nn.ConditionalNetwork;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The parts a {@link Variant} builds one trial's {@link TrainingProgram} from: the graph, the
 * inputs Nash feeds, the experiment's loss and optimizers, and the stability techniques it chose.
 *
 * <p>Inputs are asked for by name and fed by Nash on every {@link Step#draw()}: real batches of the
 * experiment's data streams ({@code dataset:} is the stream {@value #REAL}; {@code datasets:} names
 * several), latents and random labels from the trial's noise stream, and scalars the {@link
 * Schedule} feeds. Networks are declared with a role before their layers are built, so that
 * techniques can address them ({@code spectral-norm on: discriminator} applies to every network
 * declared a discriminator). {@link #minimize} then turns an objective into one network's update
 * with everything the experiment asked for that network.
 *
 * <pre>{@code
 * context.declareNetwork("da", Player.DISCRIMINATOR);      // layers da_...
 * Network critic = buildCritic(context.tf(), "da");
 * Operand<TFloat32> logits = critic.apply(context.criticInput(context.real("a"), "a"), TRAINING);
 * Op train = context.minimize("da", critic, objective, context.steps(), scalars);
 * }</pre>
 *
 * <p>Nash implements this interface; it grows only by default methods.
 */
public interface VariantContext {
  /** The data stream of an experiment's single {@code dataset:} section. */
  String REAL = "real";

  /** The op factory of this trial's graph. */
  Ops tf();

  /** Seeds for initialisers, derived from the trial's master seed. */
  Seeds initSeeds();

  /** The shape of one sample of the {@value #REAL} stream, without the batch dimension. */
  Shape sampleShape();

  /** A batch of the {@value #REAL} stream, {@code [batch-size, sampleShape...]}. */
  Operand<TFloat32> realBatch();

  /**
   * The latent input {@code latent}, {@code [batch, dimension]}, standard normal noise from the
   * trial's noise stream.
   */
  Operand<TFloat32> latent(int dimension);

  /**
   * The number of classes of the {@value #REAL} stream's labels.
   *
   * @throws IllegalArgumentException if its samples carry no labels
   */
  int classes();

  /**
   * The names of the experiment's data streams: {@value #REAL} for a {@code dataset:} section, the
   * keys of {@code datasets:} otherwise.
   */
  default List<String> streams() {
    return List.of(REAL);
  }

  /**
   * The shape of one sample of data stream {@code stream}.
   *
   * @throws IllegalArgumentException if the experiment has no such stream
   */
  default Shape sampleShape(String stream) {
    return REAL.equals(stream) ? sampleShape() : unsupported("data streams other than real");
  }

  /**
   * A batch of data stream {@code stream}, drawn from the trial's data stream on each {@link
   * Step#draw()}.
   *
   * @throws IllegalArgumentException if the experiment has no such stream
   */
  default Operand<TFloat32> real(String stream) {
    return REAL.equals(stream) ? realBatch() : unsupported("data streams other than real");
  }

  /**
   * The labels of the batch {@link #real(String)} of {@code stream}, {@code [batch]}.
   *
   * @throws IllegalArgumentException if the stream's samples carry no labels
   */
  default Operand<TInt32> realLabels(String stream) {
    return unsupported("real labels");
  }

  /** The classes of stream {@code stream}'s labels; 0 when its samples carry none. */
  default int classes(String stream) {
    return REAL.equals(stream) ? classes() : unsupported("data streams other than real");
  }

  /**
   * The open data source of stream {@code stream}, for capabilities a family's own datasets offer
   * beyond batches ({@link TokenSequences}, a held-out set, an oracle's density): test for them
   * with {@code instanceof}. Nash feeds the batches; a program reads data only through {@link
   * #real(String)}.
   *
   * @throws IllegalArgumentException if the experiment has no such stream
   */
  default DataSource source(String stream) {
    return unsupported("data sources");
  }

  /**
   * Another latent input, {@code [batch, dimension]}, standard normal noise from the noise stream
   * (for instance the second latent of style mixing). Each name may be asked for once.
   */
  default Operand<TFloat32> latent(String name, int dimension) {
    return unsupported("named latents");
  }

  /**
   * Labels uniform over {@code 0 .. classes - 1}, {@code [batch]}, drawn from the noise stream;
   * samples get {@code 0, 1, ...} (a row of the sample grid per class).
   */
  default Operand<TInt32> randomLabels(String name, int classes) {
    return unsupported("random labels");
  }

  /** A scalar input the schedule feeds with {@link Step#feed}; 0 until first fed. */
  default Operand<TFloat32> scalar(String name) {
    return unsupported("scalar inputs");
  }

  /** The share of the trial's steps done before the current one, 0 to 1, for annealing. */
  default Operand<TFloat32> progress() {
    return unsupported("progress");
  }

  /** The trial's number of steps ({@code training.steps}). */
  default long steps() {
    return unsupported("steps");
  }

  /** {@code training.batch-size}: the rows of every training batch Nash feeds. */
  default int batchSize() {
    return unsupported("the batch size");
  }

  /** {@code training.d-steps}: discriminator updates per step in the two-player schedule. */
  default int discriminatorSteps() {
    return unsupported("d-steps");
  }

  /**
   * Declares network {@code name} with {@code role}, before its layers are built: layers named
   * {@code NAME_...} belong to it. {@code g} (generator) and {@code d} (discriminator) are declared
   * already. Techniques that apply to a role apply to every network declared with it.
   *
   * @throws IllegalArgumentException if the name is taken, empty or not flat, or the role is BOTH
   */
  default void declareNetwork(String name, Player role) {
    unsupported("declared networks");
  }

  /** The experiment's adversarial loss ({@code loss:}). */
  default Loss loss() {
    return unsupported("the loss");
  }

  /**
   * The optimizer of network {@code network}: the one of its role, {@code optimizers.generator} or
   * {@code optimizers.discriminator}. A program with several networks of a role builds one update
   * per network from the same optimizer plugin (each with its own slots), or one joint update, as
   * CycleGAN's generators take.
   */
  default Optimizer optimizer(String network) {
    return unsupported("optimizers");
  }

  /**
   * One update of declared network {@code network}: the gradient of {@code objective} for its
   * variables, its {@link #optimizer}, its layers' own updates (batch norm, power iterations), then
   * every weight constraint of its role and, for generators, the weight averaging. Puts {@code
   * grad-norm/NETWORK} into {@code scalars}.
   *
   * @param totalUpdates how often this update runs in the whole trial, for learning-rate schedules
   */
  default Op minimize(
      String network,
      Trainable trainable,
      Operand<TFloat32> objective,
      long totalUpdates,
      Map<String, Operand<TFloat32>> scalars) {
    return unsupported("minimize");
  }

  /**
   * Several networks' updates from one evaluation of their objectives, as one op: every gradient is
   * computed from the weights as they were before any of the networks moves, then each network is
   * updated as {@link #minimize} updates it. Simultaneous gradient descent (ALI's and PacGAN's code
   * train this way); see {@link #simultaneousUpdates()}.
   */
  default Op minimizeSimultaneously(List<Objective> objectives) {
    return unsupported("simultaneous updates");
  }

  /**
   * {@code training.updates: simultaneous}: the experiment asks for D's and G's updates from one
   * batch at the same weights ({@link #minimizeSimultaneously}) rather than one after the other. A
   * program that honours the setting reads it; Nash refuses {@code simultaneous} for a program that
   * never asked, since the setting would not have run.
   */
  default boolean simultaneousUpdates() {
    return false;
  }

  /**
   * The degree {@code m} of the experiment's {@link Packing} technique, 1 without one. A program
   * whose critic can judge packed samples reads it and builds the critic for {@link
   * Packing#packedShape}: {@link #criticInput} then hands it {@code batch / m} rows, each {@code m}
   * samples side by side. Nash refuses packing for a program that never asked, and a batch size
   * that {@code m} does not divide.
   */
  default int packing() {
    return 1;
  }

  /**
   * {@code batch} on its way into a critic, after every input transform of the experiment (instance
   * noise, DiffAugment) in order, then packed when the program asked for {@link #packing()}.
   *
   * @param name a flat name unique to this use, for the transforms' own variables
   */
  default Operand<TFloat32> criticInput(Operand<TFloat32> batch, String name) {
    return unsupported("critic inputs");
  }

  /** The loss terms of every technique that adds some, in the experiment's order. */
  default List<NamedTerms> lossTerms(PenaltyContext context) {
    return unsupported("loss terms");
  }

  /**
   * Gradients that can themselves be differentiated, for penalties on gradients. Nash declares a
   * trial's graph {@link org.nashlab.nn.FirstOrderGraphs first-order only} when the experiment has
   * no penalty technique, and batch norm then uses a kernel whose gradient cannot be
   * differentiated: a variant that differentiates gradients itself does it through a {@link
   * LossTerm}.
   */
  default PenaltyContext.GradientOf gradients() {
    return unsupported("differentiable gradients");
  }

  /** The techniques that decide how many D updates run each step (d-skip), in order. */
  default List<DiscriminatorSchedule> discriminatorSchedules() {
    return unsupported("discriminator schedules");
  }

  /**
   * The standard two-player program (Goodfellow et al. 2014) on this context's parts: see {@link
   * TwoPlayer}.
   */
  default TrainingProgram twoPlayer(
      Network generator, Network discriminator, Operand<TFloat32> latent) {
    return TwoPlayer.program(this, generator, discriminator, latent);
  }

  /**
   * The class-conditional two-player program (Mirza and Osindero 2014) on this context's parts: see
   * {@link TwoPlayer}.
   */
  default TrainingProgram conditionalTwoPlayer(
      ConditionalNetwork generator, ConditionalNetwork discriminator, Operand<TFloat32> latent) {
    return TwoPlayer.conditional(this, generator, discriminator, latent);
  }

  /**
   * One network's objective for {@link #minimizeSimultaneously}, with what {@link #minimize} takes.
   *
   * @param network the declared network
   * @param trainable its variables and layer updates
   * @param value the objective to minimise
   * @param totalUpdates how often the update runs in the whole trial, for learning-rate schedules
   * @param scalars where {@code grad-norm/NETWORK} is put
   */
  record Objective(
      String network,
      Trainable trainable,
      Operand<TFloat32> value,
      long totalUpdates,
      Map<String, Operand<TFloat32>> scalars) {
    public Objective {
      java.util.Objects.requireNonNull(network, "network");
      java.util.Objects.requireNonNull(trainable, "trainable");
      java.util.Objects.requireNonNull(value, "value");
      java.util.Objects.requireNonNull(scalars, "scalars");
    }
  }

  private static <T> T unsupported(String what) {
    throw new UnsupportedOperationException("this variant context does not offer " + what);
  }
}
