package org.nashlab.train;

import java.io.IOException;
import java.io.InputStream;
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

  /**
   * Also stops when standard input ends: a sweep keeps a trial's input open for as long as it
   * lives, so a sweep killed even by SIGKILL stops its trials at their next step.
   */
  StopSignal watchingInput(InputStream input) {
    Thread reader =
        new Thread(
            () -> {
              try {
                while (input.read() >= 0) {
                  // Nothing is sent; only the end matters.
                }
              } catch (IOException e) {
                // A broken pipe is an end too.
              }
              requested = true;
            },
            "nash-input-watch");
    reader.setDaemon(true);
    reader.start();
    return this;
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
