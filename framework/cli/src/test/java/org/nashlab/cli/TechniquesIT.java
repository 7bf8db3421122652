package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/** Every experiment of experiments/techniques trains for a few hundred steps and finishes. */
@ExtendWith(MlflowServerExtension.class)
class TechniquesIT {
  private static final Path TECHNIQUES = NashProcess.REPO.resolve("experiments/techniques");

  @BeforeAll
  static void fetchFashionMnist() {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
  }

  static Stream<String> techniques() throws IOException {
    try (Stream<Path> files = Files.list(TECHNIQUES)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
    }
  }

  private static String run(MlflowServerExtension.Server mlflow, String file, String... more) {
    boolean images = List.of("diffaugment.yaml", "consistency.yaml", "ada.yaml").contains(file);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                TECHNIQUES.resolve(file).toString(),
                "tracking.uri=" + mlflow.uri(),
                "training.steps=" + (images ? 20 : 300),
                "training.log-every=10",
                "training.sample-every=" + (images ? 10 : 100),
                "training.eval-every=" + (images ? 0 : 100)));
    args.addAll(List.of(more));
    CommandResult result = CommandResult.of(args.toArray(String[]::new));
    assertEquals(0, result.exitCode(), file + ": " + result.out() + result.err());
    return MlflowRuns.runIdOf(
        result.out().lines().filter(l -> l.startsWith("MLflow run: ")).findFirst().orElseThrow());
  }

  @ParameterizedTest
  @MethodSource("techniques")
  void trainsAndFinishes(String file, MlflowServerExtension.Server mlflow) {
    String runId = run(mlflow, file);
    MlflowRuns runs = mlflow.runs();
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus(), file);
    List<Service.Metric> losses = runs.history(runId, "loss/d");
    assertTrue(losses.stream().allMatch(m -> Double.isFinite(m.getValue())), file);
    assertTrue(runs.artifactNames(runId, "samples").size() >= 2, file + " drew its samples");
  }

  @Test
  void adaLogsItsProbabilityAndTheSignOfDOnRealData(MlflowServerExtension.Server mlflow) {
    String runId = run(mlflow, "ada.yaml");
    MlflowRuns runs = mlflow.runs();
    List<Double> p =
        runs.history(runId, "reg/ada/p/d").stream().map(Service.Metric::getValue).toList();
    List<Double> rt =
        runs.history(runId, "reg/ada/rt/d").stream().map(Service.Metric::getValue).toList();
    assertEquals(2, p.size(), "logged at steps 10 and 20");
    assertTrue(p.stream().allMatch(v -> v >= 0 && v <= 1), p.toString());
    assertTrue(rt.stream().allMatch(v -> v >= -1 && v <= 1), rt.toString());
  }

  @Test
  void dSkipLogsItsDecisionsAndSkipsSomeSteps(MlflowServerExtension.Server mlflow) {
    // A threshold above D's starting loss (about 1.39): D is skipped whenever it is ahead.
    String runId = run(mlflow, "d-skip.yaml", "regularizers=[{name: d-skip, threshold: 1.3}]");
    List<Double> updates =
        mlflow.runs().history(runId, "schedule/d-updates").stream()
            .map(Service.Metric::getValue)
            .toList();
    assertEquals(30, updates.size());
    assertTrue(updates.stream().allMatch(u -> u == 0 || u == 1), updates.toString());
    assertTrue(updates.contains(0.0), "some steps skip D: " + updates);
  }

  @Test
  void penaltiesDifferentiateThroughSpectralNormAndMinibatchStddev(
      MlflowServerExtension.Server mlflow) {
    String runId =
        run(
            mlflow,
            "spectral-norm.yaml",
            "variant.minibatch-stddev=true",
            "regularizers=[{name: spectral-norm, on: both}, {name: gradient-penalty, weight: 1},"
                + " {name: dragan, weight: 1}, {name: r1, gamma: 1}, {name: ema}]");
    MlflowRuns runs = mlflow.runs();
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    for (String key : List.of("reg/gradient-penalty/d", "reg/dragan/d", "reg/r1/d")) {
      assertTrue(
          runs.history(runId, key).stream().allMatch(m -> Double.isFinite(m.getValue())), key);
    }
  }
}
