package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/** Reproducibility and divergence, judged from what reached MLflow. */
@ExtendWith(MlflowServerExtension.class)
class TrainingOutcomeIT {
  private static final String QUICKSTART =
      NashProcess.REPO.resolve("experiments/quickstart.yaml").toString();

  private static String run(
      MlflowServerExtension.Server mlflow, int expectedExit, String... overrides) {
    String[] args = new String[overrides.length + 3];
    args[0] = "run";
    args[1] = QUICKSTART;
    args[2] = "tracking.uri=" + mlflow.uri();
    System.arraycopy(overrides, 0, args, 3, overrides.length);
    CommandResult result = CommandResult.of(args);
    assertEquals(expectedExit, result.exitCode(), result.out() + result.err());
    String url =
        result.out().lines().filter(l -> l.startsWith("MLflow run: ")).findFirst().orElseThrow();
    return MlflowRuns.runIdOf(url);
  }

  private static List<Double> curve(MlflowServerExtension.Server mlflow, String runId, String key) {
    return mlflow.runs().history(runId, key).stream().map(Service.Metric::getValue).toList();
  }

  @Test
  void theSameSeedAndConfigGiveTheSameLossCurve(MlflowServerExtension.Server mlflow) {
    String[] config = {"training.steps=400", "training.sample-every=0", "name=determinism"};
    String first = run(mlflow, 0, config);
    String second = run(mlflow, 0, config);
    String otherSeed = run(mlflow, 0, concat(config, "training.seed=2"));

    List<Double> d1 = curve(mlflow, first, "loss/d");
    assertEquals(40, d1.size());
    assertEquals(d1, curve(mlflow, second, "loss/d"));
    assertEquals(curve(mlflow, first, "loss/g"), curve(mlflow, second, "loss/g"));
    assertNotEquals(d1, curve(mlflow, otherSeed, "loss/d"));
    Map<String, String> tags = mlflow.runs().tags(first);
    assertEquals(tags.get("nash.trial-key"), mlflow.runs().tags(second).get("nash.trial-key"));
    assertNotEquals(
        tags.get("nash.trial-key"), mlflow.runs().tags(otherSeed).get("nash.trial-key"));
  }

  @Test
  void aNonFiniteLossEndsTheRunAsFailedAndDivergedWithTheStep(MlflowServerExtension.Server mlflow) {
    String runId =
        run(
            mlflow,
            1,
            "name=divergence",
            "training.steps=500",
            "optimizers.discriminator.name=sgd",
            "optimizers.discriminator.lr=1.0e30",
            "optimizers.generator.name=sgd",
            "optimizers.generator.lr=1.0e30");
    MlflowRuns runs = mlflow.runs();
    assertEquals(Service.RunStatus.FAILED, runs.run(runId).getInfo().getStatus());
    Map<String, String> tags = runs.tags(runId);
    assertEquals("diverged", tags.get("nash.outcome"));
    long step = Long.parseLong(tags.get("nash.diverged-step"));
    assertTrue(step >= 10 && step < 500, "diverged at " + step);
    List<Service.Metric> losses = runs.history(runId, "loss/d");
    assertEquals(step, losses.get(losses.size() - 1).getStep());
    assertTrue(
        Double.isNaN(losses.get(losses.size() - 1).getValue())
            || Double.isInfinite(losses.get(losses.size() - 1).getValue()));
  }

  @Test
  void everyTechniqueTrainsTogetherAndLogsItsTerms(MlflowServerExtension.Server mlflow) {
    String runId =
        run(
            mlflow,
            0,
            "name=techniques",
            "training.steps=300",
            "training.sample-every=0",
            "regularizers=[{name: gradient-penalty, weight: 1}, {name: r1, gamma: 1},"
                + " {name: weight-decay, on: both}, {name: label-smoothing},"
                + " {name: instance-noise, std: 0.05}, {name: weight-clipping, clip: 1.0}]");
    MlflowRuns runs = mlflow.runs();
    assertEquals(Service.RunStatus.FINISHED, runs.run(runId).getInfo().getStatus());
    assertEquals(
        "gradient-penalty,r1,weight-decay,label-smoothing,instance-noise,weight-clipping",
        runs.tags(runId).get("nash.regularizers"));
    for (String key :
        List.of(
            "reg/gradient-penalty/d",
            "reg/r1/d",
            "reg/weight-decay/d",
            "reg/weight-decay/g",
            "reg/label-smoothing/d")) {
      List<Service.Metric> history = runs.history(runId, key);
      assertEquals(30, history.size(), key);
      assertTrue(history.stream().allMatch(m -> Double.isFinite(m.getValue())), key);
    }
  }

  @Test
  void aPenaltyTrainsThroughBatchNorm(MlflowServerExtension.Server mlflow) {
    NashProcess fetch = NashProcess.run(Map.of(), "data", "fetch", "fashion-mnist");
    assertEquals(0, fetch.exitCode(), fetch.out() + fetch.err());
    String runId =
        run(
            mlflow,
            0,
            "name=penalty-through-batch-norm",
            "training.steps=20",
            "training.log-every=10",
            "training.sample-every=0",
            "training.eval-every=0",
            "dataset={name: fashion-mnist}",
            "variant={name: dcgan}",
            "regularizers=[{name: gradient-penalty}]");
    List<Double> penalty = curve(mlflow, runId, "reg/gradient-penalty/d");
    assertTrue(!penalty.isEmpty() && penalty.stream().allMatch(Double::isFinite), "" + penalty);
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}
