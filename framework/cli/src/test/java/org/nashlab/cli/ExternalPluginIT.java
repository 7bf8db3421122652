package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.api.ContentHash;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/** The example plugin, built as its own jar, dropped into a plugins folder the way a user would. */
@ExtendWith(MlflowServerExtension.class)
class ExternalPluginIT {
  private static final Path EXAMPLE_JAR = Path.of(System.getProperty("nash.example.jar"));

  @TempDir Path plugins;
  @TempDir Path home;

  private Map<String, String> env(MlflowServerExtension.Server mlflow) {
    return Map.of(
        "NASH_PLUGINS",
        plugins.toString(),
        "NASH_HOME",
        home.toString(),
        "MLFLOW_TRACKING_URI",
        mlflow.uri());
  }

  @Test
  void aJarInThePluginsFolderIsListedAndUsable(MlflowServerExtension.Server mlflow)
      throws Exception {
    Files.copy(EXAMPLE_JAR, plugins.resolve("nash-example.jar"));
    Map<String, String> env = env(mlflow);

    NashProcess listed = NashProcess.run(env, "plugins", "--kind", "dataset");
    assertEquals(0, listed.exitCode(), listed.err());
    assertTrue(listed.out().contains("  spiral  -  two-armed spiral in 2-D"), listed.out());
    assertTrue(listed.out().contains("turns"), listed.out());

    NashProcess run =
        NashProcess.run(
            env,
            "run",
            "experiments/quickstart.yaml",
            "name=spiral",
            "dataset={name: spiral, turns: 2}",
            "training.steps=200");
    // The quickstart's mode coverage reads a mixture's modes (histogram: all); a spiral has none.
    assertEquals(2, run.exitCode(), run.out() + run.err());
    assertTrue(
        run.err().contains("metrics[0]: high-quality and histogram apply to mixtures of Gaussians"),
        run.err());
    assertTrue(
        mlflow.runs().runsOf("spiral").isEmpty(), "no run for an experiment that cannot start");
    run =
        NashProcess.run(
            env,
            "run",
            "experiments/quickstart.yaml",
            "name=spiral",
            "dataset={name: spiral, turns: 2}",
            "training.steps=200",
            "training.eval-every=0");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    String runId = MlflowRuns.runIdOf(run.runUrl());
    Map<String, String> params = mlflow.runs().params(runId);
    assertEquals("spiral", params.get("dataset.name"));
    assertEquals("2.0", params.get("dataset.turns"));
    assertEquals(
        ContentHash.hex(EXAMPLE_JAR),
        mlflow.runs().tags(runId).get("nash.plugin-jar.nash-example.jar"),
        "the run records which plugin code ran");
  }

  @Test
  void anOutsideVariantWithItsOwnProgramTrainsWithTheExperimentsTechniques(
      MlflowServerExtension.Server mlflow) throws Exception {
    Files.copy(EXAMPLE_JAR, plugins.resolve("nash-example.jar"));
    NashProcess run =
        NashProcess.run(
            env(mlflow),
            "run",
            "experiments/quickstart.yaml",
            "name=multi-critic",
            "variant={name: multi-critic, critics: 3}",
            "regularizers=[{name: r1, gamma: 1.0}, {name: spectral-norm},"
                + " {name: weight-decay, on: both}]",
            "training.steps=200");
    assertEquals(0, run.exitCode(), run.out() + run.err());
    MlflowRuns runs = mlflow.runs();
    String runId = MlflowRuns.runIdOf(run.runUrl());
    for (String key :
        java.util.List.of(
            "loss/g", "loss/d1", "loss/d2", "loss/d3", "reg/r1/d1", "reg/r1/d3", "grad-norm/d2")) {
      assertEquals(20, runs.history(runId, key).size(), key);
    }
    assertEquals(
        1, runs.history(runId, "eval/modes-covered").size(), "evaluated after the last step");
    // Weight decay of G comes once, from the critic given G's variables, and is not zero.
    List<Service.Metric> decay = runs.history(runId, "reg/weight-decay/g");
    assertEquals(20, decay.size());
    assertTrue(decay.get(19).getValue() > 0, "G's weight decay: " + decay.get(19).getValue());
    assertEquals(20, runs.history(runId, "reg/weight-decay/d3").size());
  }

  @Test
  void aBrokenJarIsNamedAfterTheWorkingPluginsAndIsOnlyAWarningForOtherCommands() throws Exception {
    Path example = Files.copy(EXAMPLE_JAR, plugins.resolve("nash-example.jar"));
    Path broken = Files.writeString(plugins.resolve("broken.jar"), "not a zip");
    Map<String, String> env =
        Map.of("NASH_PLUGINS", plugins.toString(), "NASH_HOME", home.toString());

    NashProcess listed = NashProcess.run(env, "plugins", "--kind", "dataset");
    assertEquals(3, listed.exitCode(), listed.out() + listed.err());
    assertTrue(listed.out().contains("  spiral  -  two-armed spiral in 2-D"), listed.out());
    assertTrue(
        listed.err().contains(broken + ": not a readable jar file: java.util.zip.ZipException"),
        listed.err());
    assertTrue(
        listed
            .err()
            .matches(
                "(?s).*Plugin jar "
                    + Pattern.quote(example.toString())
                    + " \\(org\\.example\\.nash\\.ExamplePlugins\\), sha256 [0-9a-f]{64}\n.*"),
        listed.err());

    NashProcess validate = NashProcess.run(env, "validate", "experiments/quickstart.yaml");
    assertEquals(0, validate.exitCode(), validate.out() + validate.err());
    assertTrue(
        validate.err().contains("warning: " + broken + ": not a readable jar file"),
        validate.err());
  }

  @Test
  void theSamePluginInTwoJarsIsAClashNamingBoth() throws Exception {
    Files.copy(EXAMPLE_JAR, plugins.resolve("a.jar"));
    Files.copy(EXAMPLE_JAR, plugins.resolve("b.jar"));
    NashProcess nash = NashProcess.run(Map.of("NASH_PLUGINS", plugins.toString()), "plugins");
    assertEquals(3, nash.exitCode(), nash.out() + nash.err());
    assertTrue(
        nash.err().contains("dataset 'spiral' is registered by org.example.nash.ExamplePlugins"),
        nash.err());
    assertTrue(nash.err().contains(plugins.resolve("a.jar").toString()), nash.err());
    assertTrue(nash.err().contains(plugins.resolve("b.jar").toString()), nash.err());
  }
}
