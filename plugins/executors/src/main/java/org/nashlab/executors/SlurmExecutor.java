package org.nashlab.executors;

import static org.nashlab.api.ParamChecks.nonNegative;
import static org.nashlab.api.ParamChecks.positive;

import java.util.List;
import java.util.Map;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Executor;
import org.nashlab.api.TrialLaunch;
import org.nashlab.executors.slurm.SlurmSweep;

/**
 * Runs a sweep's trials on a Slurm cluster as one job array, each task a {@code nash trial} with
 * its own CPUs, memory and GPUs, against the sweep's MLflow server, and follows the tasks to their
 * end. A task that fails, is cancelled or runs out of time is run again ({@code retries}); one that
 * gets the signal before its time limit checkpoints and requeues itself, and its trial resumes its
 * run. A sweep started again follows the tasks still queued or running rather than submitting them
 * twice. The nodes need the same paths as this machine: Java, the Nash installation, {@code
 * NASH_HOME} (checkpoints) and the log folder on a shared filesystem.
 */
@Doc(
    "trials as one Slurm job array on a cluster, followed to their end, requeued before a time limit")
public final class SlurmExecutor implements Executor {
  private static final String NAME_LIKE = "[A-Za-z0-9_.,:@%=+/&|-]*";

  public record Params(
      @Doc("partition to submit to; empty: the cluster's default") @Default("") String partition,
      @Doc("time limit of a task, as sbatch --time takes it (4:00:00); empty: the partition's")
          @Default("")
          String timeLimit,
      @Doc("CPUs per trial, also its TensorFlow threads") @Default("1") int cpusPerTrial,
      @Doc("memory per trial, as sbatch --mem takes it (such as 4G)") @Default("4G")
          String memPerTrial,
      @Doc("GPUs per trial (--gres=gpu:N); the task sees only its own") @Default("0")
          int gpusPerTrial,
      @Doc("tasks running at once (--array=0-N%K); 0: as many as the cluster gives") @Default("0")
          int maxParallel,
      @Doc("account to charge (--account); empty: your default") @Default("") String account,
      @Doc("quality of service (--qos); empty: the default") @Default("") String qos,
      @Doc("node features the tasks need (--constraint)") @Default("") String constraint,
      @Doc("more sbatch options, as on its command line (--exclusive --nice=10)") @Default("")
          String sbatchOptions,
      @Doc("a script each task sources before its trial (module loads, a venv)") @Default("")
          String setup,
      @Doc("the java the nodes run trials with; empty: the one running nash sweep") @Default("")
          String java,
      @Doc(
              "folder for the array scripts and task logs, shared with the nodes; empty: NASH_HOME/slurm")
          @Default("")
          String logDir,
      @Doc("requeue a task on preemption, node failure or the time-limit signal") @Default("true")
          boolean requeue,
      @Doc("the signal before the time limit on which a task checkpoints and requeues (--signal)")
          @Default("B:USR1@120")
          String signal,
      @Doc("times a failed, cancelled or timed-out trial is run again") @Default("1") int retries,
      @Doc("seconds between looks at the queue") @Default("2") int pollSeconds) {
    public Params {
      for (var field :
          Map.of(
                  "partition", partition,
                  "time-limit", timeLimit,
                  "mem-per-trial", memPerTrial,
                  "account", account,
                  "qos", qos,
                  "constraint", constraint,
                  "signal", signal,
                  "java", java)
              .entrySet()) {
        if (!field.getValue().matches(NAME_LIKE)) {
          throw new IllegalArgumentException(
              field.getKey()
                  + " must be one word of letters, digits and _.,:@%=+/&|-, got '"
                  + field.getValue()
                  + "'");
        }
      }
      if (!memPerTrial.matches("\\d+[KMGT]?")) {
        throw new IllegalArgumentException(
            "mem-per-trial must be a size as sbatch --mem takes it (4G, 500M), got '"
                + memPerTrial
                + "'");
      }
      if (!signal.isEmpty() && !signal.matches("(B:)?[A-Z0-9]+(@\\d+)?")) {
        throw new IllegalArgumentException(
            "signal must be as sbatch --signal takes it, such as B:USR1@120, got '" + signal + "'");
      }
      for (String option : sbatchOptions.trim().split("\\s+")) {
        if (!option.isEmpty() && !option.matches("--[a-z][a-z-]*(=" + NAME_LIKE + ")?")) {
          throw new IllegalArgumentException(
              "sbatch-options must be --option or --option=value words, got '" + option + "'");
        }
      }
      positive(cpusPerTrial, "cpus-per-trial");
      nonNegative(gpusPerTrial, "gpus-per-trial");
      nonNegative(maxParallel, "max-parallel");
      nonNegative(retries, "retries");
      positive(pollSeconds, "poll-seconds");
    }

    /** The sbatch options of {@code sbatch-options}, one each. */
    public List<String> extraOptions() {
      String trimmed = sbatchOptions.trim();
      return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    /** The signal's name without the batch-shell prefix and the time, as bash's trap takes it. */
    public String signalName() {
      return signal.replaceFirst("^B:", "").replaceFirst("@\\d+$", "");
    }
  }

  private final Params params;

  public SlurmExecutor(Params params) {
    this.params = params;
  }

  @Override
  public void execute(List<TrialLaunch> launches, Listener listener) {
    execute("sweep", launches, listener);
  }

  @Override
  public void execute(String sweep, List<TrialLaunch> launches, Listener listener) {
    new SlurmSweep(params, sweep).run(launches, listener);
  }

  @Override
  public boolean canDetach() {
    return true;
  }

  @Override
  public void submit(String sweep, List<TrialLaunch> launches, Listener listener) {
    new SlurmSweep(params, sweep).submit(launches, listener);
  }

  @Override
  public int cancel(String sweep) {
    return new SlurmSweep(params, sweep).cancel();
  }

  @Override
  public boolean isRunning(Map<String, String> runTags) {
    return SlurmSweep.isAlive(runTags);
  }
}
