package org.nashlab.variant.stylegan2;

import org.nashlab.api.Schedule;
import org.nashlab.api.Step;

/**
 * StyleGAN2's step: G's update, then D's, each on a fresh batch, as the authors' training loop
 * orders them; the regularisers are lazy (section 3.1): path-length regularisation joins G's update
 * on every {@code plInterval}-th step and R1 joins D's on every {@code r1Interval}-th (steps k, 2k,
 * ...; the authors count from their first minibatch, 0, k, 2k, ...). On those steps the schedule
 * feeds the regulariser's rows ({@link #PL_ROWS}, {@link #R1_ROWS}; 0 otherwise, which makes it
 * cost next to nothing) and runs the update under its lazy name, whose scalars add the
 * regulariser's. Nash logs scalars on logging steps only, so {@code reg/r1/d} and {@code
 * reg/path-length/g} appear on the logging steps a regulariser runs on: a {@code log-every} that is
 * a multiple of both intervals logs them every time. Where a step falls depends only on its number,
 * so a resumed trial regularises on the same steps.
 *
 * @param plInterval G minibatches per path-length step; 0 when the regulariser is off
 * @param plRows the rows of the path-length minibatch
 * @param r1Interval D minibatches per R1 step; 0 when off
 * @param r1Rows the rows of the R1 minibatch
 */
record LazySchedule(int plInterval, int plRows, int r1Interval, int r1Rows) implements Schedule {
  static final String GENERATOR = "generator";
  static final String GENERATOR_PATH_LENGTH = "generator-path-length";
  static final String DISCRIMINATOR = "discriminator";
  static final String DISCRIMINATOR_R1 = "discriminator-r1";

  /** The fed scalars: the rows of the path-length and R1 minibatches. */
  static final String PL_ROWS = "stylegan2_pl_rows";

  static final String R1_ROWS = "stylegan2_r1_rows";

  /** Whether the regulariser of {@code interval} runs on step {@code number}. */
  static boolean runs(int interval, long number) {
    return interval > 0 && number % interval == 0;
  }

  @Override
  public void step(Step step) {
    boolean pl = runs(plInterval, step.number());
    step.feed(PL_ROWS, pl ? plRows : 0);
    step.draw();
    step.run(pl ? GENERATOR_PATH_LENGTH : GENERATOR, step.logging());
    boolean r1 = runs(r1Interval, step.number());
    step.feed(R1_ROWS, r1 ? r1Rows : 0);
    step.draw();
    step.run(r1 ? DISCRIMINATOR_R1 : DISCRIMINATOR, step.logging());
  }
}
