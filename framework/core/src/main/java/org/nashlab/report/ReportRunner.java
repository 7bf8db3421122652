package org.nashlab.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.RunRecord;
import org.nashlab.api.RunStatus;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.Tracker;
import org.nashlab.plugin.PluginRegistry;

/**
 * Makes a report: reads its runs, computes it, writes its files into {@code reports/out/NAME/}, and
 * attaches them (and the groups' aggregates, as metrics) to each sweep's parent run.
 */
public final class ReportRunner {
  private final PluginRegistry plugins;

  public ReportRunner(PluginRegistry plugins) {
    this.plugins = plugins;
  }

  /**
   * Makes the report and attaches it to the parent runs, reopening each and finishing it as it was.
   *
   * @return the report's page
   */
  public Path run(ReportSpec spec) {
    Tracker tracker = tracker(spec);
    Report report = compute(spec, tracker, Optional.empty(), Optional.empty());
    Path page = write(report);
    for (RunRecord parent : report.parents().values()) {
      try (TrackedRun run = tracker.reopen(parent.id())) {
        attach(report, run);
        if (parent.isRunning()) {
          // The sweep is still going: leave its parent running.
          run.detach();
        } else {
          run.finish(RunStatus.valueOf(parent.status()));
        }
      }
    }
    return page;
  }

  /**
   * Makes the report of a sweep whose parent run is still open, from the trials of its plan (each
   * trial's key with its factors' labels), attaching it to {@code parent}; {@code sweepText} is the
   * sweep file as the page shows it.
   *
   * @return the report's page
   */
  public Path run(
      ReportSpec spec, TrackedRun parent, Map<String, Map<String, String>> plan, String sweepText) {
    Report report = compute(spec, tracker(spec), Optional.of(plan), Optional.of(sweepText));
    Path page = write(report);
    attach(report, parent);
    return page;
  }

  private Tracker tracker(ReportSpec spec) {
    return plugins.create(spec.tracker().spec(), spec.tracker().params(), Tracker.class);
  }

  private static Report compute(
      ReportSpec spec,
      Tracker tracker,
      Optional<Map<String, Map<String, String>>> plan,
      Optional<String> sweepText) {
    RunCollector.Collected collected = RunCollector.collect(spec, tracker, plan);
    Grouping.Groups groups = Grouping.of(spec, collected.runs());
    Optional<String> features = FeatureNetworks.check(spec, groups.groups());
    Map<String, String> configurations = new java.util.LinkedHashMap<>();
    collected
        .parents()
        .forEach(
            (sweep, parent) ->
                configurations.put(sweep, sweepText.orElseGet(() -> recorded(parent))));
    return ReportBuilder.build(spec, groups, features, collected.parents(), configurations);
  }

  /**
   * A sweep's configuration as its parent run's parameters hold it: those of the sweep's first run,
   * since MLflow keeps a parameter's first value.
   */
  private static String recorded(RunRecord parent) {
    StringBuilder text =
        new StringBuilder(
            "# the parameters of the sweep's parent run, as its first run logged them\n");
    new java.util.TreeMap<>(parent.params())
        .forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
    return text.toString();
  }

  /** The report's files; returns {@code index.html}. */
  private static Path write(Report report) {
    Path out = report.spec().out();
    try {
      Files.createDirectories(out);
      ChartFiles charts = new ChartFiles(out.resolve("charts"));
      Map<String, String> images = ReportCharts.save(report, charts);
      Files.writeString(out.resolve("summary.md"), MarkdownReport.of(report), UTF_8);
      Files.writeString(out.resolve("runs.csv"), RunsCsv.of(report), UTF_8);
      Files.writeString(out.resolve("report.json"), JsonReport.of(report), UTF_8);
      Path page = out.resolve("index.html");
      Files.writeString(page, HtmlReport.of(report, images), UTF_8);
      return page;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report in " + out, e);
    }
  }

  /** The report's files under {@code report/}, and each group's aggregates as metrics. */
  private static void attach(Report report, TrackedRun run) {
    Path out = report.spec().out();
    try (var files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        run.logArtifact(
            "report/" + out.relativize(file).toString().replace('\\', '/'),
            Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the report in " + out, e);
    }
    ReportMetrics.of(report).forEach((key, value) -> run.logMetric(key, value, 0));
  }
}
