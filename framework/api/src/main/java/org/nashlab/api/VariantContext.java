package org.nashlab.api;

import org.nashlab.nn.ConditionalNetwork;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** What a {@link Variant} needs to build one trial's graph. */
public interface VariantContext {
  /** The op factory of this trial's graph. */
  Ops tf();

  /** The shape of one data sample, without the batch dimension (for example {@code [2]}). */
  Shape sampleShape();

  /** A batch of real samples, {@code [batch-size, sampleShape...]}, fed by Nash each step. */
  Operand<TFloat32> realBatch();

  /**
   * The latent input, {@code [batch, dimension]}, fed by Nash with standard normal noise from the
   * trial's noise stream. Call once.
   */
  Operand<TFloat32> latent(int dimension);

  /** Seeds for initialisers, derived from the trial's master seed. */
  Seeds initSeeds();

  /**
   * The standard two-player program: the discriminator learns to tell {@link #realBatch()} from
   * {@code generator(latent)}, the generator learns to fool it, with the experiment's loss and
   * optimizers. Both networks are applied in training mode; samples come from the generator in
   * inference mode; each network's {@link Network#updates()} run with its own update.
   */
  TrainingProgram twoPlayer(Network generator, Network discriminator, Operand<TFloat32> latent);

  /**
   * The number of classes of the dataset's labels.
   *
   * @throws IllegalArgumentException if the dataset's samples carry no labels
   */
  int classes();

  /**
   * The class-conditional two-player program (Mirza & Osindero 2014): like {@link #twoPlayer}, with
   * the generator conditioned on labels Nash draws uniformly each step and the discriminator on the
   * labels of the samples it judges. Sample grids show one row per class.
   */
  TrainingProgram conditionalTwoPlayer(
      ConditionalNetwork generator, ConditionalNetwork discriminator, Operand<TFloat32> latent);
}
