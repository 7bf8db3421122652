package org.nashlab.executors;

import static org.nashlab.api.ParamChecks.nonNegative;
import static org.nashlab.api.ParamChecks.positive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Executor;
import org.nashlab.api.TrialLaunch;

/**
 * Runs each trial in its own process on this machine, {@code parallelism} at a time: a native crash
 * or an out-of-memory error ends one trial, not the sweep. Each trial gets {@code
 * threads-per-trial} TensorFlow threads (by default an equal share of the cores) and, with {@code
 * gpus}, one GPU slot passed as {@code CUDA_VISIBLE_DEVICES}. A trial's standard input stays open
 * while this process lives, so trials stop (with a checkpoint) when the sweep is killed.
 */
@Doc("trials as processes on this machine, in parallel, with thread and GPU slots")
public final class LocalExecutor implements Executor {
  public record Params(
      @Doc("trials running at once") @Default("1") int parallelism,
      @Doc("TensorFlow threads per trial; 0 shares the cores equally") @Default("0")
          int threadsPerTrial,
      @Doc("GPUs to spread trials over (0: CPU only)") @Default("0") int gpus,
      @Doc("trials sharing one GPU") @Default("1") int trialsPerGpu) {
    public Params {
      positive(parallelism, "parallelism");
      nonNegative(threadsPerTrial, "threads-per-trial");
      nonNegative(gpus, "gpus");
      positive(trialsPerGpu, "trials-per-gpu");
    }
  }

  private final Params params;

  public LocalExecutor(Params params) {
    this.params = params;
  }

  /** Trials at once: the parallelism, and no more than the GPU slots when there are GPUs. */
  int slots() {
    return params.gpus() == 0
        ? params.parallelism()
        : Math.min(params.parallelism(), params.gpus() * params.trialsPerGpu());
  }

  int threads() {
    return params.threadsPerTrial() > 0
        ? params.threadsPerTrial()
        : Math.max(1, Runtime.getRuntime().availableProcessors() / slots());
  }

  @Override
  public void execute(List<TrialLaunch> launches, Listener listener) {
    BlockingQueue<Integer> gpuSlots = new LinkedBlockingQueue<>();
    for (int gpu = 0; gpu < params.gpus(); gpu++) {
      for (int i = 0; i < params.trialsPerGpu(); i++) {
        gpuSlots.add(gpu);
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(slots());
    for (TrialLaunch launch : launches) {
      pool.execute(() -> runOne(launch, listener, gpuSlots));
    }
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.HOURS)) {
        // Sweeps can take days; keep waiting.
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void runOne(TrialLaunch launch, Listener listener, BlockingQueue<Integer> gpuSlots) {
    Integer gpu = null;
    try {
      if (params.gpus() > 0) {
        gpu = gpuSlots.take();
      }
      ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectErrorStream(true);
      builder.environment().putAll(launch.environment());
      builder.environment().put(THREADS, Integer.toString(threads()));
      builder.environment().put("CUDA_VISIBLE_DEVICES", gpu == null ? "" : gpu.toString());
      Process process = builder.start();
      // Kept open and never written: the trial sees its end when this process dies.
      OutputStream keepOpen = process.getOutputStream();
      listener.started(launch);
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          listener.output(launch, line);
        }
      }
      int exit = process.waitFor();
      keepOpen.close();
      listener.ended(launch, exit);
    } catch (IOException e) {
      listener.output(launch, "could not start the trial: " + e.getMessage());
      listener.ended(launch, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (gpu != null) {
        gpuSlots.add(gpu);
      }
    }
  }
}
