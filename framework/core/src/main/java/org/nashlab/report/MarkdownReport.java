package org.nashlab.report;

import java.util.stream.Collectors;

/**
 * {@code summary.md}: the tables for a paper draft, one per metric, with how failures are treated
 * and where the runs came from. Cells are escaped for Markdown tables and HTML.
 */
final class MarkdownReport {
  private MarkdownReport() {}

  static String of(Report report) {
    StringBuilder md = new StringBuilder();
    md.append("# Report ").append(cell(report.spec().name())).append("\n\n");
    md.append("Sweeps: ")
        .append(
            report.spec().sweeps().stream()
                .map(MarkdownReport::cell)
                .collect(Collectors.joining(", ")))
        .append(". Baseline: ")
        .append(cell(report.baseline().label()))
        .append(". ")
        .append(report.runs().size())
        .append(" runs. Feature network: ")
        .append(cell(report.features().orElse("none")))
        .append(".\n\n");
    md.append(MetricResult.FAILURES)
        .append(" Intervals: 95%, ")
        .append(report.spec().resamples())
        .append(" bootstrap resamples (seed ")
        .append(report.spec().seed())
        .append(
            "), each group resampled on its own; p-values corrected with Holm's method across the groups compared with the baseline.\n\n");
    for (MetricResult metric : report.metrics()) {
      md.append("## ")
          .append(cell(metric.metric().label()))
          .append(
              metric.metric().reducedHigherIsBetter()
                  ? " (higher is better)"
                  : " (lower is better)")
          .append("\n\n");
      md.append(row(ReportTable.HEADER));
      md.append("|").append("---|".repeat(ReportTable.HEADER.size())).append("\n");
      ReportTable.rows(metric).forEach(r -> md.append(row(r)));
      md.append("\n");
    }
    return md.toString();
  }

  private static String row(java.util.List<String> cells) {
    return "| "
        + cells.stream().map(MarkdownReport::cell).collect(Collectors.joining(" | "))
        + " |\n";
  }

  /** A table cell: pipes and line breaks cannot break the row, no value renders as HTML. */
  static String cell(String text) {
    return Escaping.html(Escaping.markdownCell(text));
  }
}
