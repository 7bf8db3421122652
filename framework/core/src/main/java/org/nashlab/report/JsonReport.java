package org.nashlab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code report.json}: everything the page shows, for scripts. */
final class JsonReport {
  private JsonReport() {}

  static String of(Report report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", report.spec().name());
    root.put("sweeps", report.spec().sweeps());
    root.put("baseline", report.baseline().factors());
    root.put("features", report.features().orElse(null));
    root.put("failures", MetricResult.FAILURES);
    root.put(
        "bootstrap",
        Map.of(
            "resamples",
            report.spec().resamples(),
            "seed",
            report.spec().seed(),
            "confidence",
            0.95));
    List<Object> metrics = new ArrayList<>();
    for (MetricResult metric : report.metrics()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", metric.metric().key());
      m.put("reduction", metric.metric().label());
      m.put("higher-is-better", metric.metric().reducedHigherIsBetter());
      List<Object> groups = new ArrayList<>();
      for (GroupResult g : metric.groups()) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("group", g.group().factors());
        group.put("runs", g.group().runs().stream().map(ReportRun::id).toList());
        group.put("values", g.values());
        group.put("success", g.success());
        group.put("summary", g.summary().orElse(null));
        group.put("comparison", g.comparison().orElse(null));
        groups.add(group);
      }
      m.put("groups", groups);
      metrics.add(m);
    }
    root.put("metrics", metrics);
    try {
      return new ObjectMapper()
              .findAndRegisterModules()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(root)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report of plain values did not serialise", e);
    }
  }
}
