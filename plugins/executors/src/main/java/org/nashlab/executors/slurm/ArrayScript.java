package org.nashlab.executors.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nashlab.api.Executor;
import org.nashlab.api.TrialLaunch;
import org.nashlab.executors.SlurmExecutor;

/**
 * The batch script of one job array: task {@code i} runs launch {@code i}'s {@code nash trial} with
 * the executor's resources. On the signal Slurm sends before the time limit (or a requeue signal
 * the user chose), the task stops the trial, which checkpoints, and requeues itself; the trial of
 * the requeued task resumes its run, as the submitit launchers do.
 */
final class ArrayScript {
  private ArrayScript() {}

  /** The script's text; task logs go to {@code logDir/ARRAY_INDEX.log}. */
  static String of(
      SlurmExecutor.Params params, String sweep, List<TrialLaunch> launches, String logDir) {
    StringBuilder s = new StringBuilder();
    s.append("#!/usr/bin/env bash\n");
    s.append("# Written by nash sweep: the trials of sweep ")
        .append(sweep)
        .append(" as one job array.\n");
    sbatch(s, "--job-name=nash-" + sweep);
    sbatch(
        s,
        "--array=0-"
            + (launches.size() - 1)
            + (params.maxParallel() > 0 ? "%" + params.maxParallel() : ""));
    sbatch(s, "--output=" + logDir + "/%A_%a.log");
    sbatch(s, "--open-mode=append");
    sbatch(s, "--cpus-per-task=" + params.cpusPerTrial());
    sbatch(s, "--mem=" + params.memPerTrial());
    optional(s, "--time=", params.timeLimit());
    optional(s, "--partition=", params.partition());
    optional(s, "--account=", params.account());
    optional(s, "--qos=", params.qos());
    optional(s, "--constraint=", params.constraint());
    if (params.gpusPerTrial() > 0) {
      sbatch(s, "--gres=gpu:" + params.gpusPerTrial());
    }
    sbatch(s, params.requeue() ? "--requeue" : "--no-requeue");
    if (params.requeue() && !params.signal().isEmpty()) {
      sbatch(s, "--signal=" + params.signal());
    }
    for (String option : params.extraOptions()) {
      sbatch(s, option);
    }
    s.append("set -uo pipefail\n");
    if (!params.setup().isEmpty()) {
      s.append("source ").append(quoted(params.setup())).append('\n');
    }
    // Slurm gives the task its CPUs and, with --gres, CUDA_VISIBLE_DEVICES for its GPUs.
    s.append("export ").append(Executor.THREADS).append("=\"${SLURM_CPUS_PER_TASK:-1}\"\n");
    s.append("export ").append(Executor.WATCH_INPUT).append("=false\n");
    s.append("case \"$SLURM_ARRAY_TASK_ID\" in\n");
    for (int i = 0; i < launches.size(); i++) {
      TrialLaunch launch = launches.get(i);
      s.append("  ").append(i).append(")  # ").append(launch.key()).append('\n');
      for (Map.Entry<String, String> variable : launch.environment().entrySet()) {
        s.append("    export ")
            .append(variable.getKey())
            .append('=')
            .append(quoted(variable.getValue()))
            .append('\n');
      }
      List<String> command = new ArrayList<>(launch.command());
      if (!params.java().isEmpty()) {
        command.set(0, params.java());
      }
      s.append("    trial=(")
          .append(command.stream().map(ArrayScript::quoted).collect(Collectors.joining(" ")))
          .append(") ;;\n");
    }
    s.append("esac\n");
    s.append(
        "task=\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"\n"
            + "echo \"nash-slurm: task $task on $(hostname), start ${SLURM_RESTART_COUNT:-0}\"\n"
            // The trial tags its run with its task, which the executor asks Slurm about later.
            + "export "
            + Executor.RUN_TAGS
            + "=\""
            + SlurmSweep.JOB_ID
            + "=$task,"
            + SlurmSweep.RESTARTS
            + "=${SLURM_RESTART_COUNT:-0}\"\n");
    if (params.requeue()) {
      s.append(
          "requeue() {\n"
              + "  echo \"nash-slurm: $1: the trial checkpoints and task $task is requeued\"\n"
              + "  kill -TERM \"$child\" 2>/dev/null\n"
              + "  wait \"$child\"\n"
              + "  scontrol requeue \"$task\"\n"
              + "  exit 0\n"
              + "}\n");
      String signal = params.signalName();
      s.append("trap 'requeue ").append(signal).append("' ").append(signal).append('\n');
    }
    // In the background, so that the shell runs its trap while the trial trains.
    s.append("\"${trial[@]}\" </dev/null &\n");
    s.append("child=$!\n");
    s.append("wait \"$child\"\n");
    s.append("exit $?\n");
    return s.toString();
  }

  private static void sbatch(StringBuilder s, String option) {
    s.append("#SBATCH ").append(option).append('\n');
  }

  private static void optional(StringBuilder s, String option, String value) {
    if (!value.isEmpty()) {
      sbatch(s, option + value);
    }
  }

  /** {@code value} in single quotes for bash. */
  static String quoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
