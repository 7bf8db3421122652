package org.nashlab.track;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.RunStatus;

class SpoolTest {
  @TempDir Path dir;

  @Test
  void keepsEveryKindOfEventInOrderAcrossAppends() {
    Spool spool = new Spool(dir.resolve("run-1"));
    assertTrue(spool.isEmpty());
    var metric =
        new TrackingEvent.MetricPoint("loss/d", 0.6931471805599453, 10, 1_700_000_000_000L);
    var nan = new TrackingEvent.MetricPoint("loss/g", Double.NaN, 20, 1_700_000_000_001L);
    var tag = new TrackingEvent.TagValue("mlflow.note.content", "tabs\tand\nnewlines");
    spool.append(List.of(metric, tag));
    spool.append(List.of(nan, new TrackingEvent.RunEnd(RunStatus.FINISHED, 42)));
    spool.append(List.of(new TrackingEvent.ArtifactFile("samples/a b.png", new byte[] {1, 2, 3})));

    List<TrackingEvent> read = new Spool(dir.resolve("run-1")).read();
    assertEquals(
        List.of(metric, tag, nan, new TrackingEvent.RunEnd(RunStatus.FINISHED, 42)),
        read.subList(0, 4));
    var artifact = (TrackingEvent.ArtifactFile) read.get(4);
    assertEquals("samples/a b.png", artifact.path());
    assertArrayEquals(new byte[] {1, 2, 3}, artifact.content());
    assertEquals(2, spool.pendingMetrics());
  }

  @Test
  void leftoversAreFoundByRunAndClearedAfterDelivery() {
    new Spool(dir.resolve("abc")).append(List.of(new TrackingEvent.TagValue("k", "v")));
    List<Spool> leftovers = Spool.leftovers(dir);
    assertEquals(List.of("abc"), leftovers.stream().map(Spool::runId).toList());
    leftovers.get(0).clear();
    assertEquals(List.of(), Spool.leftovers(dir));
  }
}
