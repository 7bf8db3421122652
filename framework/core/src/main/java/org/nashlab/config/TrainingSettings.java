package org.nashlab.config;

import static org.nashlab.api.ParamChecks.nonNegative;
import static org.nashlab.api.ParamChecks.positive;
import static org.nashlab.api.ParamChecks.size;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;

/**
 * The {@code training:} section of an experiment.
 *
 * @param steps generator updates to run
 * @param seed the master seed
 * @param batchSize samples per batch, real and generated
 * @param dSteps discriminator updates per generator update
 * @param updates whether D's and G's updates of a step alternate or are simultaneous
 * @param logEvery steps between logged scalars
 * @param sampleEvery steps between sample plots; 0 turns them off
 * @param checkpointEvery steps between checkpoints; 0 saves only at the end and when stopped
 * @param keepCheckpoints whether every checkpoint's weights are kept, not only the last
 * @param evalEvery steps between evaluations of the metrics, which also run after the last step; 0
 *     turns evaluation off
 * @param device where the ops run
 */
public record TrainingSettings(
    @Doc("generator updates to run") @Default("1000") int steps,
    @Doc("master seed; initialisation, data order and latent noise derive from it") @Default("1")
        long seed,
    @Doc("samples per batch, real and generated") @Default("64") int batchSize,
    @Doc("discriminator updates per generator update") @Default("1") int dSteps,
    @Doc(
            "alternating: D's updates, then G's on a fresh batch; simultaneous: D's and G's"
                + " gradients from one batch at the same weights (ALI's and PacGAN's code)")
        @Default("alternating")
        Updates updates,
    @Doc("steps between logged scalars (losses, steps/s)") @Default("10") int logEvery,
    @Doc("steps between sample plots; 0 turns them off") @Default("1000") int sampleEvery,
    @Doc("steps between checkpoints; 0 saves only at the end and when stopped") @Default("1000")
        int checkpointEvery,
    @Doc(
            "keep the weights of every checkpoint (for nash sample --step and nash evaluate over"
                + " a run's course); false keeps the last")
        @Default("false")
        boolean keepCheckpoints,
    @Doc("steps between evaluations of the metrics (and after the last step); 0 turns them off")
        @Default("1000")
        int evalEvery,
    @Doc("auto, cpu or gpu (needs the gpu build: mvn -Pgpu)") @Default("auto") Device device) {
  /** How a step's discriminator and generator updates relate. */
  public enum Updates {
    ALTERNATING,
    SIMULTANEOUS
  }

  public TrainingSettings {
    positive(steps, "steps");
    size(batchSize, 65_536, "batch-size", "a batch is one tensor per step; papers use 64 to 2,048");
    positive(dSteps, "d-steps");
    positive(logEvery, "log-every");
    nonNegative(sampleEvery, "sample-every");
    nonNegative(checkpointEvery, "checkpoint-every");
    nonNegative(evalEvery, "eval-every");
  }
}
