package org.nashlab.report;

import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: one self-contained page (charts embedded, no outside file or script), with a
 * sortable table per metric, the charts, every run linked to the tracker, the provenance and what
 * counted as a failure. Everything a user controls is escaped.
 */
final class HtmlReport {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2em;max-width:1500px;color:#222}"
          + "table{border-collapse:collapse;margin:1em 0;font-size:14px}"
          + "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
          + "th{background:#f3f3f3;cursor:pointer}tr.baseline td{background:#fafae8}"
          + "img{max-width:760px;margin:4px}.note{color:#555;max-width:70em}"
          + ".better{color:#176e17;font-weight:600}.worse{color:#a11;font-weight:600}";
  private static final String SORT =
      "document.querySelectorAll('table.sortable th').forEach((th,i)=>th.onclick=()=>{"
          + "const t=th.closest('table'),b=t.tBodies[0],r=[...b.rows],d=th.dataset.d=th.dataset.d=='1'?'-1':'1';"
          + "r.sort((x,y)=>{const a=x.cells[i].innerText,c=y.cells[i].innerText,"
          + "p=parseFloat(a),q=parseFloat(c);return (isNaN(p)||isNaN(q)?a.localeCompare(c):p-q)*d});"
          + "r.forEach(x=>b.appendChild(x))});";

  private HtmlReport() {}

  static String of(Report report, Map<String, String> images) {
    StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">");
    h.append("<title>Nash report: ").append(esc(report.spec().name())).append("</title>");
    h.append("<style>").append(STYLE).append("</style></head><body>");
    h.append("<h1>Report: ").append(esc(report.spec().name())).append("</h1>");
    provenance(h, report);
    for (MetricResult metric : report.metrics()) {
      h.append("<h2>")
          .append(esc(metric.metric().label()))
          .append(
              metric.metric().reducedHigherIsBetter()
                  ? " — higher is better"
                  : " — lower is better")
          .append("</h2>");
      table(h, ReportTable.HEADER, ReportTable.rows(metric));
      for (String chart : ReportCharts.namesFor(report, metric)) {
        image(h, images, chart);
      }
    }
    h.append("<h2>Curves and outcomes</h2>");
    for (String chart : ReportCharts.sharedNames(report)) {
      image(h, images, chart);
    }
    runs(h, report);
    configuration(h, report);
    h.append("<script>").append(SORT).append("</script></body></html>\n");
    return h.toString();
  }

  private static void provenance(StringBuilder h, Report report) {
    h.append("<p class=\"note\">Sweeps: ");
    report
        .parents()
        .forEach(
            (sweep, parent) ->
                h.append("<a href=\"")
                    .append(esc(parent.url()))
                    .append("\">")
                    .append(esc(sweep))
                    .append("</a> "));
    h.append("· baseline <b>")
        .append(esc(report.baseline().label()))
        .append("</b> · ")
        .append(report.runs().size())
        .append(" runs in ")
        .append(report.groups().size())
        .append(" groups")
        .append(" · feature network: ")
        .append(esc(report.features().orElse("none (no feature metric)")))
        .append("</p><p class=\"note\">")
        .append(esc(MetricResult.FAILURES))
        .append(" Intervals are 95%, from ")
        .append(report.spec().resamples())
        .append(" bootstrap resamples (seed ")
        .append(report.spec().seed())
        .append(
            "), each group resampled on its own; the verdict follows Welch's t-test with Holm's"
                + " correction across the groups compared with the baseline; the Mann-Whitney U test is"
                + " shown beside it. P(improvement) is the probability that a run of the group beats a"
                + " run of the baseline (ties count half), as rliable computes it.</p>");
  }

  /** Each sweep's configuration, secrets masked where it was read. */
  private static void configuration(StringBuilder h, Report report) {
    h.append("<h2>Sweep configuration</h2>");
    report
        .configurations()
        .forEach(
            (sweep, text) ->
                h.append("<h3>")
                    .append(esc(sweep))
                    .append("</h3><pre>")
                    .append(esc(text))
                    .append("</pre>"));
  }

  private static void runs(StringBuilder h, Report report) {
    h.append("<h2>Runs</h2><table class=\"sortable\"><thead><tr>");
    for (String c : List.of("group", "seed", "run", "outcome")) {
      h.append("<th>").append(c).append("</th>");
    }
    report.spec().metrics().forEach(m -> h.append("<th>").append(esc(m.label())).append("</th>"));
    h.append("</tr></thead><tbody>");
    for (Group group : report.groups()) {
      for (ReportRun run : group.runs()) {
        h.append("<tr><td>").append(esc(group.label())).append("</td><td>").append(esc(run.seed()));
        h.append("</td><td><a href=\"").append(esc(run.url())).append("\">").append(esc(run.id()));
        h.append("</a></td><td>")
            .append(esc(run.failure().map(f -> "failed: " + f).orElse("succeeded")));
        for (MetricSpec m : report.spec().metrics()) {
          var v = run.value(m);
          h.append("</td><td>").append(v.isPresent() ? ReportTable.number(v.getAsDouble()) : "-");
        }
        h.append("</td></tr>");
      }
    }
    h.append("</tbody></table>");
  }

  /** A metric's table, the baseline's row first and tinted. */
  private static void table(StringBuilder h, List<String> header, List<List<String>> rows) {
    h.append("<table class=\"sortable\"><thead><tr>");
    header.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr></thead><tbody>");
    for (int i = 0; i < rows.size(); i++) {
      h.append(i == 0 ? "<tr class=\"baseline\">" : "<tr>");
      for (String c : rows.get(i)) {
        String css =
            c.startsWith("better")
                ? " class=\"better\""
                : c.startsWith("worse") ? " class=\"worse\"" : "";
        h.append("<td").append(css).append(">").append(esc(c)).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
  }

  private static void image(StringBuilder h, Map<String, String> images, String name) {
    String uri = images.get(name);
    if (uri != null) {
      h.append("<img alt=\"").append(esc(name)).append("\" src=\"").append(uri).append("\">");
    }
  }

  /** Text as HTML: nothing a user wrote becomes markup. */
  static String esc(String text) {
    return Escaping.htmlAttribute(text);
  }
}
