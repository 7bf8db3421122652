package org.nashlab.track;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The git commit of the repository an experiment file lives in, for provenance. */
public final class SourceCommit {
  private SourceCommit() {}

  public static Optional<String> of(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try {
      Process git =
          new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "HEAD")
              .redirectErrorStream(true)
              .start();
      git.getOutputStream().close();
      if (!git.waitFor(10, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return Optional.empty();
      }
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.exitValue() == 0 && out.matches("[0-9a-f]{40}")
          ? Optional.of(out)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
