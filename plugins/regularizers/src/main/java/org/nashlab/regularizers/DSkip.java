package org.nashlab.regularizers;

import org.nashlab.api.Default;
import org.nashlab.api.DiscriminatorSchedule;
import org.nashlab.api.Doc;
import org.nashlab.api.ScheduleContext;

/**
 * Skips the discriminator's updates while its loss is below a threshold, so a D that is already
 * winning does not run away from G (a classic heuristic, as in Salimans et al. 2016's discussion
 * and many DCGAN recipes). D's loss is measured on each step's first batch before deciding; the
 * number of D updates per step is logged as {@code schedule/d-updates}.
 */
@Doc("d-skip: no D update while D's loss is below the threshold")
public final class DSkip implements DiscriminatorSchedule {
  public record Params(
      @Doc("skip D while its loss on the step's batch is below this") @Default("0.3")
          double threshold) {}

  private final Params params;

  public DSkip(Params params) {
    this.params = params;
  }

  @Override
  public int discriminatorUpdates(ScheduleContext context) {
    return context.discriminatorLoss() < params.threshold() ? 0 : context.discriminatorUpdates();
  }
}
