package org.nashlab.report;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.report.stats.Comparison;
import org.nashlab.report.stats.Estimate;
import org.nashlab.report.stats.Interval;

/**
 * A metric's results as rows of text, the same for the Markdown summary, the HTML page and the
 * console: one way to show a group's numbers.
 */
final class ReportTable {
  static final List<String> HEADER =
      List.of(
          "group",
          "runs",
          "succeeded",
          "mean ± std",
          "median",
          "IQM [95% BCa]",
          "difference [95% BCa]",
          "P(improvement) [95%]",
          "Welch p (Holm)",
          "Mann-Whitney p (Holm)",
          "verdict");

  private ReportTable() {}

  static List<List<String>> rows(MetricResult result) {
    List<List<String>> rows = new ArrayList<>();
    for (GroupResult g : result.groups()) {
      List<String> row = new ArrayList<>();
      row.add(g.group().label());
      row.add(Integer.toString(g.group().runs().size()));
      row.add(
          g.success().successes()
              + " ("
              + percent(g.success().rate())
              + ", 95% "
              + percent(g.success().interval().low())
              + "–"
              + percent(g.success().interval().high())
              + ")");
      if (g.summary().isPresent()) {
        var s = g.summary().get();
        row.add(
            number(s.mean().value())
                + " ± "
                + number(s.standardDeviation())
                + " (n="
                + s.n()
                + ")");
        row.add(number(s.median()));
        row.add(withInterval(s.interquartileMean()));
      } else {
        row.addAll(List.of("-", "-", "-"));
      }
      if (g.comparison().isPresent()) {
        Comparison c = g.comparison().get();
        row.add(withInterval(c.difference()));
        row.add(
            number(c.probabilityOfImprovement().value())
                + " "
                + interval(c.probabilityOfImprovement().percentile()));
        row.add(p(c.welchP()) + " (" + p(c.welchPHolm()) + ")");
        row.add(p(c.mannWhitneyP()) + " (" + p(c.mannWhitneyPHolm()) + ")");
        row.add(c.verdict());
      } else if (g.group() == result.groups().get(0).group()) {
        row.addAll(List.of("baseline", "", "", "", ""));
      } else {
        row.addAll(List.of("-", "-", "-", "-", "too few runs to compare"));
      }
      rows.add(row);
    }
    return rows;
  }

  private static String withInterval(Estimate estimate) {
    return number(estimate.value()) + " " + interval(estimate.bca());
  }

  private static String interval(Interval interval) {
    return "[" + number(interval.low()) + ", " + number(interval.high()) + "]";
  }

  static String number(double value) {
    return Double.isNaN(value) ? "-" : String.format("%.4g", value);
  }

  private static String p(double value) {
    return Double.isNaN(value)
        ? "-"
        : value < 1e-4 ? String.format("%.1e", value) : String.format("%.4f", value);
  }

  private static String percent(double share) {
    return Double.isNaN(share) ? "-" : Math.round(share * 100) + "%";
  }
}
