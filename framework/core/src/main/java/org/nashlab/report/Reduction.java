package org.nashlab.report;

import java.util.List;
import java.util.OptionalDouble;
import org.nashlab.api.MetricPoint;

/**
 * How a run's curve of one metric becomes one number.
 *
 * <ul>
 *   <li>{@code final}: the value at the last step logged;
 *   <li>{@code best}: the best value at any step (lowest or highest, by the metric's direction);
 *   <li>{@code last-k}: the mean of the last {@code k} values;
 *   <li>{@code auc}: the area under the curve over the steps logged (trapezoids), divided by the
 *       span of steps: the curve's mean over training, in the metric's unit;
 *   <li>{@code threshold}: the first step at which the curve reaches {@code threshold} (at or above
 *       it when higher is better, at or below otherwise); none when it never does.
 * </ul>
 */
public enum Reduction {
  FINAL,
  BEST,
  LAST_K,
  AUC,
  THRESHOLD;

  /** The YAML name: {@code final}, {@code best}, {@code last-k}, {@code auc}, {@code threshold}. */
  public String label() {
    return name().toLowerCase().replace('_', '-');
  }

  /**
   * The reduced value of {@code curve} (sorted by step; a step logged twice counts once, its last
   * value), or empty when there is nothing to reduce or the threshold is never reached.
   */
  OptionalDouble of(List<MetricPoint> curve, MetricSpec metric) {
    List<MetricPoint> points = lastPerStep(curve);
    if (points.isEmpty()) {
      return OptionalDouble.empty();
    }
    boolean higher = metric.higherIsBetter();
    return switch (this) {
      case FINAL -> OptionalDouble.of(points.get(points.size() - 1).value());
      case BEST ->
          higher
              ? points.stream().mapToDouble(MetricPoint::value).max()
              : points.stream().mapToDouble(MetricPoint::value).min();
      case LAST_K ->
          points.subList(Math.max(0, points.size() - metric.k()), points.size()).stream()
              .mapToDouble(MetricPoint::value)
              .average();
      case AUC -> areaPerStep(points);
      case THRESHOLD ->
          points.stream()
              .filter(
                  p -> higher ? p.value() >= metric.threshold() : p.value() <= metric.threshold())
              .mapToDouble(MetricPoint::step)
              .findFirst();
    };
  }

  private static OptionalDouble areaPerStep(List<MetricPoint> points) {
    if (points.size() == 1) {
      return OptionalDouble.of(points.get(0).value());
    }
    double area = 0;
    for (int i = 1; i < points.size(); i++) {
      MetricPoint a = points.get(i - 1);
      MetricPoint b = points.get(i);
      area += (b.step() - a.step()) * (a.value() + b.value()) / 2;
    }
    return OptionalDouble.of(area / (points.get(points.size() - 1).step() - points.get(0).step()));
  }

  /** One point per step, the last logged: a resume may log the steps after a checkpoint twice. */
  static List<MetricPoint> lastPerStep(List<MetricPoint> curve) {
    java.util.TreeMap<Long, MetricPoint> byStep = new java.util.TreeMap<>();
    curve.forEach(p -> byStep.put(p.step(), p));
    return List.copyOf(byStep.values());
  }
}
