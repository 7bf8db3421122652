package org.nashlab.executors.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskLogTest {
  @TempDir Path dir;

  @Test
  void linesComeOnceWhenCompleteAndTheLastPartialOneAtTheEnd() throws Exception {
    Path file = dir.resolve("1_0.log");
    TaskLog log = new TaskLog(file);
    assertEquals(List.of(), log.newLines(), "no file yet");
    Files.writeString(file, "a\nb");
    assertEquals(List.of("a"), log.newLines());
    Files.writeString(file, "\nc\nd", StandardOpenOption.APPEND);
    assertEquals(List.of("b", "c"), log.newLines());
    assertEquals(List.of(), log.newLines());
    assertEquals(List.of("d"), log.rest());
    assertEquals(List.of(), log.rest());
  }
}
