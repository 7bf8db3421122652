package org.nashlab.api;

import java.util.List;

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

  /**
   * What this variant cannot do with the experiment's data, found before anything is built: Nash
   * calls it while validating (when every dataset describes its {@link Dataset#format()}) and again
   * with the open data before {@link #build}, and reports each problem as invalid input (exit code
   * 2) naming the variant and the datasets. Say what is needed and what the data has: {@code "needs
   * square images whose side divides by 4; the samples have shape [2]"}.
   *
   * @return the problems, empty when there are none (the default)
   */
  default List<String> problemsWith(DataDescription data) {
    return List.of();
  }
}
