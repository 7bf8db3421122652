package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.sdk.NashVersion;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * A plugin written outside the source tree, as a newcomer writes one: {@code nash sdk install},
 * {@code nash plugins new}, {@code mvn -o package} against the installed SDK alone (offline: the
 * local Maven repository as the build left it), the jar dropped into a plugins folder, and a run
 * that trains with it.
 */
@ExtendWith(MlflowServerExtension.class)
class PluginSdkIT {
  @TempDir static Path workspace;

  @BeforeAll
  static void installTheSdk() throws IOException {
    // From a copy of the sources: Maven rebuilding this tree's jars would pull them from under the
    // test JVM that has them on its classpath.
    Path sources = copyOfTheSourceTree(workspace.resolve("nash-sources"));
    NashProcess install =
        NashProcess.run(Map.of("NASH_ROOT", sources.toString()), "sdk", "install");
    assertEquals(0, install.exitCode(), install.out() + install.err());
    assertTrue(
        install.out().contains("org.nashlab:nash-api:" + NashVersion.current()), install.out());
  }

  @Test
  void aStarterRegularizerBuildsOfflineTestsLoadsAndTrains(MlflowServerExtension.Server mlflow)
      throws Exception {
    Path jar = starterJar("regularizer", "gp0", 2);
    Path project = workspace.resolve("gp0");

    Path plugins = Files.createDirectories(workspace.resolve("plugins-gp0"));
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    Map<String, String> env =
        Map.of(
            "NASH_PLUGINS",
            plugins.toString(),
            "NASH_HOME",
            workspace.resolve("home-gp0").toString(),
            "MLFLOW_TRACKING_URI",
            mlflow.uri());
    NashProcess listed = NashProcess.run(env, "plugins", "--kind", "regularizer");
    assertEquals(0, listed.exitCode(), listed.out() + listed.err());
    assertTrue(listed.out().contains("  gp0  -  zero-centred gradient penalty"), listed.out());

    NashProcess run =
        NashProcess.run(
            env,
            "run",
            project.resolve("experiments/gp0.yaml").toString(),
            "training.steps=300",
            "training.eval-every=300",
            "training.sample-every=300");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(run.runUrl());
    Map<String, String> params = runs.params(runId);
    assertEquals("10.0", params.get("regularizers.0.weight"), params.toString());
    assertEquals(30, runs.history(runId, "reg/gp0/d").size());
  }

  @Test
  void aStarterResidualVariantTrainsWithAGradientPenaltyThroughBatchNormAndPooling(
      MlflowServerExtension.Server mlflow) throws Exception {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
    // Its tests include a gradient penalty through D's pooling and batch norm against finite
    // differences.
    Path jar = starterJar("variant", "resgan", 4);
    Path project = workspace.resolve("resgan");
    Path plugins = Files.createDirectories(workspace.resolve("plugins-resgan"));
    Files.copy(jar, plugins.resolve("resgan.jar"));
    Map<String, String> env =
        Map.of("NASH_PLUGINS", plugins.toString(), "MLFLOW_TRACKING_URI", mlflow.uri());

    NashProcess run =
        NashProcess.run(
            env,
            "run",
            project.resolve("experiments/resgan.yaml").toString(),
            "variant.width=8",
            "variant.discriminator-batch-norm=true",
            "training.steps=20",
            "training.d-steps=1",
            "training.log-every=5",
            "training.sample-every=20");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(run.runUrl());
    List<Double> penalty =
        runs.history(runId, "reg/gradient-penalty/d").stream().map(m -> m.getValue()).toList();
    assertEquals(4, penalty.size(), penalty.toString());
    assertTrue(penalty.stream().allMatch(Double::isFinite), penalty.toString());
    assertEquals("resgan", runs.tags(runId).get("nash.variant"));
  }

  @Test
  void aStarterLossAndAStarterDatasetTrainTogetherFromTwoJars(MlflowServerExtension.Server mlflow)
      throws Exception {
    Path plugins = Files.createDirectories(workspace.resolve("plugins-two"));
    for (String kind : List.of("loss", "dataset")) {
      Path jar = starterJar(kind, "my-" + kind, 2);
      NashProcess checked = NashProcess.run(Map.of(), "plugins", "--check", jar.toString());
      assertEquals(0, checked.exitCode(), checked.out() + checked.err());
      Files.copy(jar, plugins.resolve(jar.getFileName()));
    }
    Map<String, String> env =
        Map.of("NASH_PLUGINS", plugins.toString(), "MLFLOW_TRACKING_URI", mlflow.uri());
    NashProcess run =
        NashProcess.run(
            env,
            "run",
            workspace.resolve("my-dataset/experiments/my-dataset.yaml").toString(),
            "loss={name: my-loss, a: -1.0, c: 0.0}",
            "training.steps=100",
            "training.sample-every=100");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(run.runUrl());
    Map<String, String> params = runs.params(runId);
    assertEquals("my-loss", params.get("loss.name"), params.toString());
    assertEquals("-1.0", params.get("loss.a"), params.toString());
    assertEquals("1.0", params.get("loss.b"), "the default: " + params);
    assertEquals("my-dataset", params.get("dataset.name"), params.toString());
    assertEquals(10, runs.history(runId, "loss/d").size());
    assertTrue(
        runs.tags(runId).containsKey("nash.plugin-jar.my-loss-0.1.0.jar"),
        runs.tags(runId).toString());
  }

  /**
   * Writes a starter project of {@code kind} named {@code name} in the workspace, builds it offline
   * and returns its jar, after its {@code tests} tests passed.
   */
  private static Path starterJar(String kind, String name, int tests) throws Exception {
    Path project = workspace.resolve(name);
    NashProcess created =
        NashProcess.run(Map.of(), "plugins", "new", kind, name, "--dir", project.toString());
    assertEquals(0, created.exitCode(), created.out() + created.err());
    assertTrue(created.out().contains("cd " + project + " && mvn package"), created.out());
    String build = mavenOffline(project, "package");
    assertTrue(build.contains("Tests run: " + tests + ", Failures: 0, Errors: 0"), build);
    Path jar = project.resolve("target/" + name + "-0.1.0.jar");
    assertTrue(Files.isRegularFile(jar), build);
    return jar;
  }

  /** Runs Maven offline in {@code project}; fails with its output unless it succeeds. */
  static String mavenOffline(Path project, String... goals) throws Exception {
    List<String> command = Stream.concat(Stream.of("mvn", "-B", "-o"), Stream.of(goals)).toList();
    Path log = Files.createTempFile("mvn", ".log");
    Process maven =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(maven.waitFor(10, TimeUnit.MINUTES), "mvn did not finish in 10 minutes");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, maven.exitValue(), output);
    return output;
  }

  private static Path copyOfTheSourceTree(Path target) throws IOException {
    Path root = NashProcess.REPO.toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = root.relativize(file);
        if (skipped(relative)) {
          continue;
        }
        Path copy = target.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else if (relative.startsWith("framework")
            || relative.startsWith("plugins")
            || relative.startsWith("sdk")
            || relative.getNameCount() == 1) {
          Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("target") || name.equals(".git") || name.equals("node_modules")) {
        return true;
      }
    }
    return false;
  }
}
