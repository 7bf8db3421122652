package org.nashlab.track;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;

/** A lock file that serialises work across Nash processes (installing or starting MLflow). */
final class ProcessLock {
  private ProcessLock() {}

  /** Runs {@code work} while holding an exclusive lock on {@code lockFile}. */
  static <T> T holding(Path lockFile, Callable<T> work) throws Exception {
    Files.createDirectories(lockFile.getParent());
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      var lock = channel.lock();
      try {
        return work.call();
      } finally {
        lock.release();
      }
    }
  }
}
