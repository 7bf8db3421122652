package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlflow.api.proto.Service;
import org.nashlab.testkit.MlflowRuns;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * A sweep with a {@code report:} section ends by writing its report and attaching it, with the
 * groups' aggregates as metrics, to its parent run; {@code nash report} makes it again from MLflow.
 */
@ExtendWith(MlflowServerExtension.class)
class ReportIT {
  private static final String QUICKSTART =
      NashProcess.REPO.resolve("experiments/quickstart.yaml").toAbsolutePath().toString();

  @TempDir Path dir;

  @Test
  void aSweepEndsWithItsReportInItsFolderAndOnItsParentRun(MlflowServerExtension.Server mlflow)
      throws Exception {
    Path sweeps = Files.createDirectories(dir.resolve("sweeps"));
    Path sweep = sweeps.resolve("report-sweep.yaml");
    Files.writeString(
        sweep,
        String.join(
            "\n",
            "name: report-sweep",
            "experiment: " + QUICKSTART,
            "grid:",
            "  loss.name: [non-saturating, minimax]",
            "  training.steps: [600]",
            "  training.eval-every: [300]",
            "  training.sample-every: [0]",
            "seeds: [1, 2, 3]",
            "executor: { name: local, parallelism: 2 }",
            "report:",
            "  group-by: [loss.name]",
            "  baseline: { loss.name: non-saturating }",
            "  metrics:",
            "    - { key: eval/modes-covered, reduction: final, better: higher }",
            "    - { key: loss/d, reduction: auc, better: lower }",
            "  bootstrap: { resamples: 2000, seed: 3 }",
            ""));
    Map<String, String> env = Map.of("MLFLOW_TRACKING_URI", mlflow.uri());
    NashProcess swept = NashProcess.run(env, "sweep", sweep.toString());
    assertEquals(0, swept.exitCode(), swept.out() + swept.err());
    Path out = dir.resolve("reports/out/report-sweep");
    assertTrue(
        swept.out().contains("Report: " + out.resolve("index.html").toAbsolutePath().normalize()),
        swept.out());
    for (String file :
        List.of(
            "index.html",
            "summary.md",
            "runs.csv",
            "report.json",
            "charts/success.png",
            "charts/success.svg",
            "charts/curves-1.png",
            "charts/metric-1-vs-baseline.svg")) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    assertEquals(7, Files.readAllLines(out.resolve("runs.csv")).size(), "a header and six runs");

    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode modes = report.get("metrics").get(0);
    assertEquals(
        "non-saturating", modes.get("groups").get(0).get("group").get("loss.name").asText());
    JsonNode minimax = modes.get("groups").get(1);
    double mean = minimax.get("summary").get("mean").get("value").asDouble();
    int successes = minimax.get("success").get("successes").asInt();
    // By column, not by substring: every grid key is a column, so the failure column need not
    // follow loss.name (a substring match only ever counted runs that failed).
    List<String> csv = Files.readAllLines(out.resolve("runs.csv"));
    List<String> header = List.of(csv.get(0).split(",", -1));
    int loss = header.indexOf("loss.name");
    int failure = header.indexOf("failure");
    long csvSuccesses =
        csv.stream()
            .skip(1)
            .map(l -> l.split(",", -1))
            .filter(cells -> cells[loss].equals("minimax") && cells[failure].isEmpty())
            .count();
    assertEquals(csvSuccesses, successes, "the success rate counts the runs without a failure");

    MlflowRuns runs = mlflow.runs();
    Service.RunInfo parent =
        runs.runsOf("report-sweep").stream()
            .filter(r -> "parent".equals(runs.tags(r.getRunId()).get("nash.sweep-role")))
            .findFirst()
            .orElseThrow();
    assertTrue(runs.artifactNames(parent.getRunId(), "report").contains("index.html"));
    Map<Long, Double> logged =
        runs.curve(parent.getRunId(), "report/loss.name_minimax/eval_modes-covered__final_/mean");
    assertEquals(mean, logged.get(0L), 1e-9);

    // Made again from MLflow alone: the same numbers.
    Path again = dir.resolve("reports/report-sweep.yaml");
    Files.writeString(
        again,
        String.join(
            "\n",
            "name: report-again",
            "sweeps: [report-sweep]",
            "group-by: [loss.name]",
            "baseline: { loss.name: non-saturating }",
            "metrics: [{ key: eval/modes-covered, reduction: final, better: higher }]",
            "bootstrap: { resamples: 2000, seed: 3 }",
            "tracking: { uri: '" + mlflow.uri() + "' }",
            ""));
    NashProcess reported = NashProcess.run(env, "report", again.toString());
    assertEquals(0, reported.exitCode(), reported.out() + reported.err());
    JsonNode second =
        new ObjectMapper().readTree(dir.resolve("reports/out/report-again/report.json").toFile());
    assertEquals(
        mean,
        second
            .get("metrics")
            .get(0)
            .get("groups")
            .get(1)
            .get("summary")
            .get("mean")
            .get("value")
            .asDouble(),
        1e-12);
    assertEquals(
        Service.RunStatus.FINISHED,
        runs.run(parent.getRunId()).getInfo().getStatus(),
        "reopened and finished as it was");

    // An MLflow search filter picks the runs: seed 3 left out, and a filter MLflow refuses is exit
    // 2.
    Path filtered = dir.resolve("reports/filtered.yaml");
    Files.writeString(
        filtered,
        Files.readString(again)
            .replace(
                "name: report-again",
                "name: report-filtered\nfilter: \"tags.`nash.seed` != '3'\""));
    NashProcess picked = NashProcess.run(env, "report", filtered.toString());
    assertEquals(0, picked.exitCode(), picked.out() + picked.err());
    assertEquals(5, Files.readAllLines(dir.resolve("reports/out/report-filtered/runs.csv")).size());
    Files.writeString(filtered, Files.readString(filtered).replace("!= '3'", "~~ 3"));
    NashProcess refused = NashProcess.run(env, "report", filtered.toString());
    assertEquals(2, refused.exitCode(), refused.out() + refused.err());
    assertTrue(refused.err().contains("filter: MLflow refused the filter"), refused.err());
  }
}
