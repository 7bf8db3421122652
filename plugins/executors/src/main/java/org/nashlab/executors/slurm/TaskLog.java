package org.nashlab.executors.slurm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The log Slurm writes for one task, read as it grows: each call returns the lines added since the
 * last one. The task appends to it across requeues ({@code --open-mode=append}).
 */
final class TaskLog {
  private final Path file;
  private long offset;

  TaskLog(Path file) {
    this.file = file;
  }

  /** The lines completed since the last call; none while the file does not exist. */
  List<String> newLines() {
    return read(false);
  }

  /** What is left once the task ended, a last line without its newline included. */
  List<String> rest() {
    return read(true);
  }

  private List<String> read(boolean toTheEnd) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return List.of();
      }
      byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 24)];
      in.seek(offset);
      in.readFully(bytes);
      int end = toTheEnd ? bytes.length : lastNewline(bytes) + 1;
      if (end == 0) {
        return List.of();
      }
      offset += end;
      String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
      return List.of(
          text.endsWith("\n")
              ? text.substring(0, text.length() - 1).split("\n", -1)
              : text.split("\n", -1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the task log " + file, e);
    }
  }

  private static int lastNewline(byte[] bytes) {
    for (int i = bytes.length - 1; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
