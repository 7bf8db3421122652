package org.nashlab.report.stats;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.nashlab.config.NashHome;
import org.nashlab.testkit.NumpyReference;

/**
 * The independent reference of the report statistics: scipy, rliable and statsmodels in a virtual
 * environment of their own under {@code NASH_HOME/references/rliable-venv}, made on first use from
 * the MLflow environment's Python ({@code --system-site-packages}, so numpy and scipy are the ones
 * {@link NumpyReference} uses) and {@code pip install rliable statsmodels}. Only {@code
 * rliable.metrics} is imported: it needs numpy and scipy alone, while the rest of rliable imports
 * {@code arch}, which does not load with the pandas 3 of the MLflow environment.
 *
 * <p>Every script starts with {@link #PRELUDE}: file readers, {@code out(name, value)}, and {@code
 * bootstrap_on(draws, data, statistic)}, which runs scipy.stats.bootstrap itself on the resample
 * indices the Java code drew (recorded by {@link RecordingDraws}) by replacing scipy's private
 * {@code _bootstrap_resample}, so intervals can be compared to the last bits.
 */
final class RliableReference {
  static final String RLIABLE = "rliable==1.2.0";
  static final String STATSMODELS = "statsmodels==0.15.0";

  static final String PRELUDE =
      """
      import numpy as np
      import scipy.stats as st
      import scipy.stats._resampling as resampling
      from rliable import metrics
      from statsmodels.stats.multitest import multipletests

      def rows(name):
          with open(name) as f:
              return [np.array([float(v) for v in line.split()]) for line in f if line.strip()]

      def values(name):
          return rows(name)[0]

      def draws(name, samples):
          # one index matrix per sample; Java draws every resample of a sample before the next
          r = rows(name)
          b = len(r) // samples
          return [np.array(r[s * b:(s + 1) * b], dtype=np.int64) for s in range(samples)]

      _scipy_resample = resampling._bootstrap_resample
      _queue = []
      def _recorded(sample, n_resamples=None, rng=None, *, xp):
          i = _queue.pop(0)
          assert i.shape == (n_resamples, sample.shape[-1]), (i.shape, n_resamples, sample.shape)
          return sample[..., i]

      def bootstrap_on(indices, data, statistic):
          # scipy.stats.bootstrap's percentile and BCa intervals on the given resamples
          _queue[:] = list(indices)
          resampling._bootstrap_resample = _recorded
          try:
              result = st.bootstrap(data, statistic, n_resamples=indices[0].shape[0],
                                    method="percentile", confidence_level=0.95)
          finally:
              resampling._bootstrap_resample = _scipy_resample
          assert not _queue
          bca = st.bootstrap(data, statistic, n_resamples=0, bootstrap_result=result,
                             method="BCa", confidence_level=0.95)
          return {"percentile": result.confidence_interval, "BCa": bca.confidence_interval}

      def out(name, value):
          value = float(value)
          print(name, "NaN" if np.isnan(value) else repr(value))
      """;

  private RliableReference() {}

  /** Runs {@link #PRELUDE} followed by {@code script} in {@code folder}; its {@code out} lines. */
  static Map<String, Double> run(String script, Path folder) throws Exception {
    return NumpyReference.run(python(), PRELUDE + script, folder);
  }

  /** Writes values on one line, each as Java's shortest round-trip decimal. */
  static void writeValues(Path file, double[] values) throws IOException {
    Files.writeString(
        file,
        Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(" ")) + "\n",
        UTF_8);
  }

  private static synchronized Path python() throws Exception {
    Path venv = NashHome.fromEnvironment().root().resolve("references/rliable-venv");
    Path python = venv.resolve("bin/python");
    Path marker = venv.resolve(".nash-" + RLIABLE + "-" + STATSMODELS);
    if (Files.exists(marker)) {
      return python;
    }
    Files.createDirectories(venv.getParent());
    Path lock = venv.resolveSibling("rliable-venv.lock");
    try (FileChannel channel =
        FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held = channel.lock();
      try {
        if (!Files.exists(marker)) {
          Path log = venv.resolveSibling("rliable-venv.log");
          install(
              List.of(
                  NumpyReference.python().toString(),
                  "-m",
                  "venv",
                  "--clear",
                  "--system-site-packages",
                  venv.toString()),
              log);
          install(
              List.of(
                  venv.resolve("bin/pip").toString(),
                  "install",
                  "--disable-pip-version-check",
                  "--quiet",
                  RLIABLE,
                  STATSMODELS),
              log);
          Files.createFile(marker);
        }
      } finally {
        held.release();
      }
    }
    return python;
  }

  private static void install(List<String> command, Path log) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "installing the rliable reference failed ("
              + String.join(" ", command)
              + "); see "
              + log);
    }
  }
}
