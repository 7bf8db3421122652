package org.nashlab.report;

/**
 * One column of a report: a logged metric and how each run's curve of it is reduced.
 *
 * @param key the metric's key, as logged ({@code eval/fid})
 * @param reduction how a run's curve becomes one number
 * @param higherIsBetter the metric's direction
 * @param k the values {@code last-k} averages
 * @param threshold the level {@code threshold} waits for
 */
public record MetricSpec(
    String key, Reduction reduction, boolean higherIsBetter, int k, double threshold) {

  /** The column's name: {@code eval/fid (final)}, {@code eval/fid (last-3)}. */
  public String label() {
    return switch (reduction) {
      case LAST_K -> key + " (last-" + k + ")";
      case THRESHOLD -> key + " (step to " + threshold + ")";
      default -> key + " (" + reduction.label() + ")";
    };
  }

  /** For a threshold, the step is the number, and fewer steps are better. */
  public boolean reducedHigherIsBetter() {
    return reduction != Reduction.THRESHOLD && higherIsBetter;
  }
}
