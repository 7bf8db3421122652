package org.nashlab.track;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.nashlab.api.RunStatus;

/**
 * Events of one run kept on disk while the server cannot take them: {@code events.tsv} in order,
 * with artifacts beside it. What is here when Nash exits is delivered the next time it logs to the
 * same server.
 */
final class Spool {
  private static final String EVENTS = "events.tsv";
  private final Path dir;
  private int artifacts;

  Spool(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** The spools runs left behind under {@code serverFolder}, one folder per run id. */
  static List<Spool> leftovers(Path serverFolder) {
    if (!Files.isDirectory(serverFolder)) {
      return List.of();
    }
    try (Stream<Path> runs = Files.list(serverFolder)) {
      return runs.filter(d -> Files.exists(d.resolve(EVENTS))).sorted().map(Spool::new).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String runId() {
    return dir.getFileName().toString();
  }

  boolean isEmpty() {
    return !Files.exists(dir.resolve(EVENTS));
  }

  void append(List<TrackingEvent> events) {
    StringBuilder lines = new StringBuilder();
    try {
      Files.createDirectories(dir);
      for (TrackingEvent event : events) {
        lines.append(line(event));
        lines.append('\n');
      }
      Files.writeString(
          dir.resolve(EVENTS), lines, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot spool MLflow events to " + dir, e);
    }
  }

  private String line(TrackingEvent event) throws IOException {
    if (event instanceof TrackingEvent.MetricPoint m) {
      return String.join(
          "\t",
          "M",
          enc(m.key()),
          Double.toString(m.value()),
          Long.toString(m.step()),
          Long.toString(m.timestamp()));
    }
    if (event instanceof TrackingEvent.TagValue t) {
      return String.join("\t", "T", enc(t.key()), enc(t.value()));
    }
    if (event instanceof TrackingEvent.ArtifactFile a) {
      String file = "artifact-" + (artifacts++) + "-" + System.nanoTime();
      Files.write(dir.resolve(file), a.content());
      return String.join("\t", "A", enc(a.path()), file);
    }
    TrackingEvent.RunEnd e = (TrackingEvent.RunEnd) event;
    return String.join("\t", "E", e.status().name(), Long.toString(e.endTime()));
  }

  List<TrackingEvent> read() {
    try {
      List<TrackingEvent> events = new ArrayList<>();
      for (String line : Files.readAllLines(dir.resolve(EVENTS), UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        events.add(
            switch (f[0]) {
              case "M" ->
                  new TrackingEvent.MetricPoint(
                      dec(f[1]),
                      Double.parseDouble(f[2]),
                      Long.parseLong(f[3]),
                      Long.parseLong(f[4]));
              case "T" -> new TrackingEvent.TagValue(dec(f[1]), dec(f[2]));
              case "A" ->
                  new TrackingEvent.ArtifactFile(dec(f[1]), Files.readAllBytes(dir.resolve(f[2])));
              case "E" -> new TrackingEvent.RunEnd(RunStatus.valueOf(f[1]), Long.parseLong(f[2]));
              default -> throw new IOException("unknown spool line in " + dir + ": " + line);
            });
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the MLflow spool " + dir, e);
    }
  }

  /** How many metric points are waiting. */
  long pendingMetrics() {
    if (isEmpty()) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(dir.resolve(EVENTS), UTF_8)) {
      return lines.filter(l -> l.startsWith("M\t")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void clear() {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear the MLflow spool " + dir, e);
    }
  }

  private static String enc(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(UTF_8));
  }

  private static String dec(String s) {
    return new String(Base64.getDecoder().decode(s), UTF_8);
  }
}
