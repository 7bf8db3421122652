package org.nashlab.api;

/**
 * A GAN family: builds the networks and the training program of one trial.
 *
 * <p>Standard variants build a generator and a discriminator and hand them to {@link
 * VariantContext#twoPlayer}, which adds the loss, the optimizers and the techniques the experiment
 * chose. Variants with their own program (CycleGAN, ProGAN, SeqGAN) build the {@link
 * TrainingProgram} themselves from the same context.
 *
 * <p>Name the generator's layers {@code g_...} and the discriminator's {@code d_...}: techniques
 * that reparametrise weights (spectral norm) tell the networks apart by these names, and refuse a
 * weight whose layer name says neither.
 */
public interface Variant {
  TrainingProgram build(VariantContext context);
}
