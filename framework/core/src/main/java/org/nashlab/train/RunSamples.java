package org.nashlab.train;

import java.util.List;
import org.nashlab.api.Samples;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.NashHome;
import org.nashlab.plugin.PluginRegistry;

/**
 * Samples of a run's generator from one of its checkpoints on this machine, drawn as evaluation
 * draws them: the program's samples in inference mode, with every averaged network's shadow weights
 * swapped in (the EMA generator when the run averaged), latents from a seed of the caller's,
 * conditional programs given the labels {@code 0, 1, ...} in turn.
 *
 * <pre>{@code
 * try (RunSamples run = RunSamples.open(spec, plugins, home, runId, step)) {
 *   Samples samples = run.draw(10_000, 0);
 * }
 * }</pre>
 */
public final class RunSamples implements AutoCloseable {
  private final TrialSetup setup;
  private final long step;

  private RunSamples(TrialSetup setup, long step) {
    this.setup = setup;
    this.step = step;
  }

  /** The steps of run {@code runId} whose weights are kept, in order; empty without any. */
  public static List<Long> checkpointSteps(NashHome home, String runId) {
    return Checkpoint.of(home, runId).savedSteps();
  }

  /**
   * Builds the run's program from {@code spec}, its configuration as saved with its checkpoints
   * (with evaluation off: no metric or feature network is opened), and loads the weights of {@code
   * step}, one of {@link #checkpointSteps}.
   */
  public static RunSamples open(
      ExperimentSpec spec, PluginRegistry plugins, NashHome home, String runId, long step) {
    TrialSetup setup = TrialSetup.build(spec, plugins, home);
    try {
      Checkpoint.of(home, runId).restoreVariables(setup.session(), step);
      return new RunSamples(setup, step);
    } catch (RuntimeException e) {
      setup.close();
      throw e;
    }
  }

  /** The step whose weights are loaded. */
  public long step() {
    return step;
  }

  /** Whether the samples come from averaged weights (EMA) rather than the trained ones. */
  public boolean averaged() {
    return !setup.graph().averagedWeights().isEmpty();
  }

  /**
   * {@code n} samples, shaped like the data they imitate, their latents drawn from {@code seed}.
   */
  public Samples draw(int n, long seed) {
    ProgramSampler sampler = new ProgramSampler(setup);
    var samples = setup.program().samples();
    var rows = sampler.rows(n, new SplitMix64(SplitMix64.mix(seed)), i -> i, samples);
    return new Samples(n, setup.imitated().sampleShape(), sampler.sample(samples, rows, n));
  }

  @Override
  public void close() {
    setup.close();
  }
}
