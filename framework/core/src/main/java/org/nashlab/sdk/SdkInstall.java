package org.nashlab.sdk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.EnvironmentException;

/**
 * Installs what a plugin project outside the source tree builds against into the local Maven
 * repository: {@code nash-api} (with its sources and javadoc), {@code nash-testkit} and the {@code
 * nash-core} it runs on, the {@code nash-parent} they inherit, and {@code nash-plugin-parent}, all
 * under {@link NashVersion#current()}. It runs Maven on Nash's source tree with the {@code sdk}
 * profile, which adds the sources and javadoc jars; tests are not run again.
 *
 * <pre>{@code
 * SdkInstall.of(Path.of(System.getenv("NASH_ROOT")), false).run();
 * }</pre>
 */
public final class SdkInstall {
  /** The modules installed; Maven adds the parent they inherit ({@code -am}). */
  static final List<String> MODULES =
      List.of("framework/api", "framework/core", "framework/testkit", "sdk/plugin-parent");

  /** The artifacts a plugin project names, with what each is for. */
  public static final List<Artifact> ARTIFACTS =
      List.of(
          new Artifact("nash-api", "what a plugin compiles against (scope provided)"),
          new Artifact("nash-testkit", "the plugin contract and test fixtures (scope test)"),
          new Artifact("nash-plugin-parent", "the parent of a plugin project's pom"));

  /** One installed artifact of group {@code org.nashlab}. */
  public record Artifact(String artifactId, String purpose) {
    public String coordinates() {
      return "org.nashlab:" + artifactId + ":" + NashVersion.current();
    }
  }

  private final Path sourceTree;
  private final boolean offline;

  private SdkInstall(Path sourceTree, boolean offline) {
    this.sourceTree = sourceTree;
    this.offline = offline;
  }

  /**
   * An install from the Nash source tree at {@code sourceTree}.
   *
   * @param offline whether Maven may not download (every plugin it needs is already local)
   * @throws EnvironmentException if {@code sourceTree} is not Nash's source tree
   */
  public static SdkInstall of(Path sourceTree, boolean offline) {
    for (String module : MODULES) {
      if (!Files.isRegularFile(sourceTree.resolve(module).resolve("pom.xml"))) {
        throw new EnvironmentException(
            "nash sdk install builds from Nash's source tree, and "
                + sourceTree.toAbsolutePath().normalize()
                + " is not one (no "
                + module
                + "/pom.xml); run it as ./nash from a clone, or set NASH_ROOT to the clone");
      }
    }
    return new SdkInstall(sourceTree, offline);
  }

  /** The Maven command line this install runs. */
  public List<String> command() {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q"));
    if (offline) {
      command.add("-o");
    }
    command.addAll(
        List.of(
            "-f",
            sourceTree.resolve("pom.xml").toString(),
            "-Psdk",
            "-DskipTests",
            "-Dspotless.check.skip=true",
            "-pl",
            String.join(",", MODULES),
            "-am",
            "install"));
    return command;
  }

  /**
   * Runs Maven, its output going to this process's.
   *
   * @throws EnvironmentException if Maven cannot be started or fails
   */
  public void run() {
    int exit;
    try {
      exit = new ProcessBuilder(command()).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new EnvironmentException(
          "cannot run Maven (mvn) to install the SDK: " + e.getMessage() + "; install Maven", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvironmentException("interrupted while Maven installed the SDK", e);
    }
    if (exit != 0) {
      throw new EnvironmentException(
          "Maven failed (exit " + exit + ") installing the SDK: " + String.join(" ", command()));
    }
  }
}
