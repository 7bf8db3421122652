package org.nashlab.cli;

import java.nio.file.Path;
import java.util.List;
import org.nashlab.train.RunSamples;
import org.nashlab.train.TrialRunner;
import picocli.CommandLine;

/**
 * A run's checkpoints on this machine, as {@code nash sample} and {@code nash evaluate} read them:
 * the configuration it trained with and the steps whose weights are kept.
 *
 * @param config the run's resolved configuration, kept beside its checkpoints
 * @param steps the kept steps, in order, at least one
 */
record RunCheckpoints(Path config, List<Long> steps) {
  /**
   * The checkpoints of {@code runId}; a usage error of {@code command} when the run kept none.
   *
   * @throws org.nashlab.api.EnvironmentException when the run trained elsewhere
   */
  static RunCheckpoints of(Workspace workspace, String runId, CommandLine command) {
    Path config = TrialRunner.resumeConfig(workspace.home(), runId);
    List<Long> steps = RunSamples.checkpointSteps(workspace.home(), runId);
    if (steps.isEmpty()) {
      throw new CommandLine.ParameterException(
          command, "run " + runId + " has no checkpoint in " + config.getParent());
    }
    return new RunCheckpoints(config, steps);
  }

  long last() {
    return steps.get(steps.size() - 1);
  }
}
