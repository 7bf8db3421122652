package org.nashlab.api;

import java.util.Map;

/**
 * The Java side of a {@link TrainingProgram}: decides, step by step, which of the program's updates
 * run, on which batches, and what the schedule-fed scalars hold. Nash calls {@link #step} once per
 * training step and keeps everything that is the same for every family (logging, divergence,
 * evaluation, sample pictures, checkpoints, stop signals).
 *
 * <pre>{@code
 * Schedule alternating = step -> {
 *   step.draw();
 *   step.run("discriminator", step.logging());
 *   step.draw();
 *   step.run("generator", step.logging());
 * };
 * }</pre>
 *
 * <p>A resumed trial must decide exactly as an uninterrupted one: base decisions on {@link
 * Step#number()}, on what the step measures, and on the state returned by {@link #state()}, which
 * Nash saves with every checkpoint and hands back to {@link #restore} on resume.
 */
@FunctionalInterface
public interface Schedule {
  /** Runs training step {@link Step#number()}. */
  void step(Step step);

  /** What the schedule has to remember across a checkpoint; empty for a stateless schedule. */
  default Map<String, String> state() {
    return Map.of();
  }

  /** Sets the schedule back to a {@link #state()} saved with a checkpoint. */
  default void restore(Map<String, String> state) {}
}
