package org.nashlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.TDistribution;
import org.nashlab.api.MetricPoint;

/**
 * A group's curve of one metric: at each logged step, the mean over the group's runs and a 95%
 * interval of that mean (Student's t, over the runs that logged the step).
 *
 * @param steps the steps, ascending
 * @param mean the mean at each step
 * @param low the interval's lower end at each step (the mean itself with one run)
 * @param high its upper end
 */
record CurveBand(double[] steps, double[] mean, double[] low, double[] high) {
  static CurveBand of(List<ReportRun> runs, String key) {
    TreeMap<Long, List<Double>> byStep = new TreeMap<>();
    for (ReportRun run : runs) {
      if (!run.hasValues()) {
        continue;
      }
      for (MetricPoint p : Reduction.lastPerStep(run.curves().getOrDefault(key, List.of()))) {
        byStep.computeIfAbsent(p.step(), s -> new ArrayList<>()).add(p.value());
      }
    }
    int n = byStep.size();
    double[] steps = new double[n];
    double[] mean = new double[n];
    double[] low = new double[n];
    double[] high = new double[n];
    int i = 0;
    for (var e : byStep.entrySet()) {
      List<Double> values = e.getValue();
      double m = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double half = 0;
      if (values.size() > 1) {
        double ss = values.stream().mapToDouble(v -> (v - m) * (v - m)).sum();
        double se = Math.sqrt(ss / (values.size() - 1) / values.size());
        half = TDistribution.of(values.size() - 1).inverseCumulativeProbability(0.975) * se;
      }
      steps[i] = e.getKey();
      mean[i] = m;
      low[i] = m - half;
      high[i] = m + half;
      i++;
    }
    return new CurveBand(steps, mean, low, high);
  }
}
