package org.nashlab.api;

/**
 * A technique that decides, in the Java training loop, how many discriminator updates run before
 * each generator update: n-critic schedules, skipping D while its loss is low. Several schedules
 * apply in the experiment's order, each seeing the previous one's decision.
 */
public interface DiscriminatorSchedule extends Regularizer {
  /** The number of D updates to run before the next G update; 0 skips D for this step. */
  int discriminatorUpdates(ScheduleContext context);
}
