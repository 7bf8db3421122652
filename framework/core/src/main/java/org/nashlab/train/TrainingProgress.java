package org.nashlab.train;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal progress bar: steps, steps/s, time left and the latest losses. Without a terminal
 * (CI, a log file) it writes a plain line every few seconds instead.
 */
public final class TrainingProgress implements TrainingLoop.ClosingListener {
  private static final Logger log = LoggerFactory.getLogger(TrainingProgress.class);
  private final ProgressBar bar;

  TrainingProgress(String task, long steps) {
    boolean terminal = System.console() != null;
    ProgressBarBuilder builder =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(steps)
            .setUnit(" steps", 1)
            .showSpeed()
            .setSpeedUnit(ChronoUnit.SECONDS)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(terminal ? 250 : 10_000)
            .setConsumer(
                terminal
                    ? new ConsoleProgressBarConsumer(System.err)
                    : new DelegatingProgressBarConsumer(log::info, 200))
            .setMaxRenderedLength(160)
            .startsFrom(0, Duration.ZERO);
    this.bar = builder.build();
  }

  @Override
  public void onStep(long step) {
    bar.stepTo(step);
  }

  @Override
  public void onScalars(long step, Map<String, Float> scalars) {
    bar.setExtraMessage(
        scalars.entrySet().stream()
            .filter(e -> e.getKey().startsWith("loss/"))
            .map(e -> e.getKey().substring(5) + " " + String.format("%.3f", e.getValue()))
            .collect(Collectors.joining(" ")));
  }

  @Override
  public void close() {
    bar.close();
  }
}
