package org.nashlab.train;

import java.io.PrintStream;
import java.util.Map;

/** Progress for a sweep to read: {@code nash-progress STEP STEPS} lines, every few seconds. */
final class ProgressLines implements TrainingLoop.ClosingListener {
  private static final long EVERY_NANOS = 2_000_000_000L;
  private final PrintStream out;
  private final long steps;
  private long lastStep;
  private long lastPrinted = System.nanoTime() - EVERY_NANOS;

  ProgressLines(PrintStream out, long steps) {
    this.out = out;
    this.steps = steps;
  }

  @Override
  public void onStep(long step) {
    lastStep = step;
    if (System.nanoTime() - lastPrinted >= EVERY_NANOS) {
      print();
    }
  }

  @Override
  public void onScalars(long step, Map<String, Float> scalars) {}

  private void print() {
    out.println(SweepTrial.PROGRESS + " " + lastStep + " " + steps);
    out.flush();
    lastPrinted = System.nanoTime();
  }

  @Override
  public void close() {
    print();
  }
}
