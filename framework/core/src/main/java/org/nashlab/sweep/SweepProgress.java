package org.nashlab.sweep;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The sweep's progress on the terminal: a line when a trial starts or ends, and every ten seconds
 * the counts (done, running, failed, queued), the running trials' steps and an estimate of the time
 * left from the trials done so far.
 */
final class SweepProgress implements AutoCloseable {
  private static final long EVERY_SECONDS = 10;
  private final PrintWriter out;
  private final int total;
  private final int toRun;
  private final long start = System.nanoTime();
  private final Map<String, String> running = new ConcurrentHashMap<>();
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "nash-sweep-progress");
            t.setDaemon(true);
            return t;
          });
  private int done;
  private int failed;

  SweepProgress(PrintWriter out, int total, int toRun) {
    this.out = out;
    this.total = total;
    this.toRun = toRun;
    ticker.scheduleAtFixedRate(this::status, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
  }

  void started(String key) {
    running.put(key, "starting");
    say("started trial " + key);
  }

  /** A {@code nash-progress STEP STEPS} line of a running trial. */
  void step(String key, String line) {
    String[] parts = line.split(" ");
    running.put(key, parts[1] + "/" + parts[2]);
  }

  synchronized void ended(String key, boolean finished) {
    running.remove(key);
    done++;
    if (!finished) {
      failed++;
    }
    say((finished ? "finished trial " : "FAILED trial ") + key);
  }

  private synchronized void status() {
    int queued = toRun - done - running.size();
    String steps =
        running.entrySet().stream()
            .map(
                e -> e.getKey().substring(0, Math.min(8, e.getKey().length())) + " " + e.getValue())
            .collect(Collectors.joining(", "));
    say(
        String.format(
            "%d/%d done (%d failed), %d running, %d queued%s%s",
            done + (total - toRun),
            total,
            failed,
            running.size(),
            Math.max(0, queued),
            steps.isEmpty() ? "" : " | " + steps,
            eta(queued)));
  }

  private String eta(int queued) {
    if (done == 0) {
      return "";
    }
    double perTrial = (System.nanoTime() - start) / 1e9 / done;
    long seconds = Math.round(perTrial * (queued + running.size()));
    return " | ETA " + Duration.ofSeconds(seconds).toString().substring(2).toLowerCase();
  }

  private synchronized void say(String line) {
    out.println("[sweep] " + line);
    out.flush();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
