package org.nashlab.api;

/**
 * A GAN family: builds the networks and the training program of one trial.
 *
 * <p>Standard variants build a generator and a discriminator and hand them to {@link
 * VariantContext#twoPlayer}, which adds the loss, the optimizers and the techniques the experiment
 * chose. Variants with their own program (CycleGAN, ProGAN, SeqGAN) build the {@link
 * TrainingProgram} themselves from the same context.
 */
public interface Variant {
  TrainingProgram build(VariantContext context);
}
