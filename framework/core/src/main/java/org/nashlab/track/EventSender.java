package org.nashlab.track;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background thread that delivers a run's events, so logging never blocks training. While
 * the server is unreachable, events go to the {@link Spool} in order and are replayed, oldest
 * first, as soon as it answers again; nothing is delivered out of turn meanwhile.
 */
final class EventSender {
  private static final Logger log = LoggerFactory.getLogger(EventSender.class);
  private static final int MAX_EVENTS_PER_ROUND = 5000;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final RunDelivery delivery;
  private final Spool spool;
  private final BlockingQueue<TrackingEvent> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closing;
  private volatile long deadlineNanos = Long.MAX_VALUE;
  private Duration backoff = FIRST_BACKOFF;
  private long nextAttemptNanos;

  EventSender(RunDelivery delivery, Spool spool) {
    this.delivery = delivery;
    this.spool = spool;
    this.thread = new Thread(this::loop, "mlflow-sender-" + delivery.runId());
    thread.setDaemon(true);
    thread.start();
  }

  void submit(TrackingEvent event) {
    if (closing) {
      throw new IllegalStateException("the run is closed; nothing more can be logged");
    }
    queue.add(event);
  }

  /**
   * Stops taking events and waits up to {@code timeout} for everything to be delivered.
   *
   * @return whether everything was delivered; if not, the rest stays in the spool
   */
  boolean close(Duration timeout) {
    deadlineNanos = System.nanoTime() + timeout.toNanos();
    closing = true;
    try {
      thread.join(timeout.toMillis() + 5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return queue.isEmpty() && spool.isEmpty();
  }

  private void loop() {
    boolean unreachable = false;
    while (true) {
      List<TrackingEvent> events = take();
      if (!events.isEmpty()) {
        if (spool.isEmpty()) {
          unreachable = !send(events, unreachable);
        } else {
          spool.append(events);
        }
      }
      if (!spool.isEmpty() && System.nanoTime() >= nextAttemptNanos) {
        unreachable = !replay();
      }
      boolean drained = queue.isEmpty() && spool.isEmpty();
      if (closing && (drained || System.nanoTime() > deadlineNanos)) {
        if (!drained) {
          queueToSpool();
          log.warn(
              "MLflow did not take {} metric points in time; they are kept in {} and delivered"
                  + " the next time Nash logs to this server",
              spool.pendingMetrics(),
              spool.dir());
        }
        return;
      }
    }
  }

  private List<TrackingEvent> take() {
    List<TrackingEvent> events = new ArrayList<>();
    try {
      TrackingEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
      if (first != null) {
        events.add(first);
        queue.drainTo(events, MAX_EVENTS_PER_ROUND - 1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return events;
  }

  /** Sends directly; returns false (and spools) when the server is unreachable. */
  private boolean send(List<TrackingEvent> events, boolean wasUnreachable) {
    try {
      delivery.deliver(events);
      return true;
    } catch (DeliveryException e) {
      if (!e.isTransient()) {
        log.error(
            "MLflow rejected {} events of run {}: {}",
            events.size(),
            delivery.runId(),
            e.getMessage());
        return true;
      }
      spool.append(events);
      if (!wasUnreachable) {
        log.warn(
            "MLflow is unreachable ({}); spooling to {} until it is back",
            e.getMessage(),
            spool.dir());
      }
      scheduleRetry();
      return false;
    }
  }

  /** Replays the whole spool in order; returns whether the server took it. */
  private boolean replay() {
    List<TrackingEvent> pending = spool.read();
    try {
      delivery.deliver(pending);
      spool.clear();
      backoff = FIRST_BACKOFF;
      log.info(
          "MLflow is back: delivered {} spooled events of run {}",
          pending.size(),
          delivery.runId());
      return true;
    } catch (DeliveryException e) {
      if (!e.isTransient()) {
        log.error(
            "MLflow rejected the spooled events of run {}: {}", delivery.runId(), e.getMessage());
        spool.clear();
        return true;
      }
      scheduleRetry();
      return false;
    }
  }

  private void scheduleRetry() {
    nextAttemptNanos = System.nanoTime() + backoff.toNanos();
    backoff =
        backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
  }

  private void queueToSpool() {
    List<TrackingEvent> rest = new ArrayList<>();
    queue.drainTo(rest);
    if (!rest.isEmpty()) {
      spool.append(rest);
    }
  }
}
