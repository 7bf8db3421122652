package org.nashlab.datasets;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nashlab.api.EnvironmentException;

/** The messages for a dataset file that cannot be used: the file, what is wrong, what to do. */
final class BadFile {
  /** The remedy for a file of the user's own. */
  static final String REPLACE = "Replace it with an intact copy";

  private BadFile() {}

  /**
   * A file whose bytes are not what its format says, as in {@code FILE: IDX header declares 60000 x
   * 28 x 28 = 47040000 bytes but only 1234 follow the 16-byte header; the file is truncated. Delete
   * it and run: nash data fetch fashion-mnist}.
   *
   * @param problem exactly what is wrong, and what that means for the file
   * @param remedy how to get an intact copy, one sentence
   */
  static EnvironmentException corrupt(Path file, String problem, String remedy) {
    return new EnvironmentException(file + ": " + problem + ". " + remedy);
  }

  /** A file that cannot be read for a reason other than its content, such as its permissions. */
  static EnvironmentException unreadable(Path file, IOException e) {
    return new EnvironmentException("cannot read " + file + ": " + reason(e), e);
  }

  /** What went wrong, never {@code null}: several of the JDK's exceptions carry no message. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "it does not exist";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
