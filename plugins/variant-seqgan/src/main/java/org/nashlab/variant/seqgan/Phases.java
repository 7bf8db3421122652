package org.nashlab.variant.seqgan;

/**
 * SeqGAN's training in phases (Yu et al. 2017, algorithm 1): maximum-likelihood pre-training of G,
 * then pre-training of D on real against generated sequences, then adversarial steps of one policy
 * gradient update of G and {@code discriminatorSteps} updates of D. The maximum-likelihood baseline
 * ({@code adversarial} off) trains G by maximum likelihood on every step. Which phase a step is in
 * depends on its number only, so a resumed run continues where it stopped.
 *
 * @param generatorPretraining steps of G's maximum-likelihood pre-training
 * @param discriminatorPretraining steps of D's pre-training, one update each
 * @param adversarial false for the maximum-likelihood baseline
 * @param discriminatorSteps D updates per adversarial step
 */
record Phases(
    long generatorPretraining,
    long discriminatorPretraining,
    boolean adversarial,
    int discriminatorSteps) {
  enum Phase {
    GENERATOR_MLE,
    DISCRIMINATOR_PRETRAINING,
    ADVERSARIAL
  }

  Phase at(long step) {
    if (!adversarial || step <= generatorPretraining) {
      return Phase.GENERATOR_MLE;
    }
    return step <= generatorPretraining + discriminatorPretraining
        ? Phase.DISCRIMINATOR_PRETRAINING
        : Phase.ADVERSARIAL;
  }

  /** How many steps of a trial of {@code steps} are adversarial. */
  long adversarialSteps(long steps) {
    return adversarial ? Math.max(0, steps - generatorPretraining - discriminatorPretraining) : 0;
  }

  /** G's updates in a trial of {@code steps}, for learning-rate schedules. */
  long generatorUpdates(long steps) {
    return adversarial ? generatorPretraining + adversarialSteps(steps) : steps;
  }

  /** D's updates in a trial of {@code steps}, for learning-rate schedules. */
  long discriminatorUpdates(long steps) {
    return adversarial
        ? discriminatorPretraining + adversarialSteps(steps) * discriminatorSteps
        : 0;
  }
}
