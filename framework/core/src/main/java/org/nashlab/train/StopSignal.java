package org.nashlab.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGTERM and Ctrl-C into a polite stop: the JVM's shutdown hook asks the training loop to
 * stop, then waits (up to two minutes) until the loop has checkpointed, flushed its metrics and
 * ended the run, before the JVM exits.
 */
final class StopSignal implements AutoCloseable {
  private static final long GRACE_SECONDS = 120;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean requested;

  private StopSignal() {
    this.hook =
        new Thread(
            () -> {
              requested = true;
              try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "nash-stop");
  }

  static StopSignal install() {
    StopSignal signal = new StopSignal();
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  boolean requested() {
    return requested;
  }

  /** The trial is wrapped up: lets a waiting shutdown proceed, or unhooks if none came. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running; it returns now that the latch is open.
    }
  }
}
