package org.nashlab.api;

import java.util.List;

/**
 * A number (or a few) computed at evaluation time from generated and real samples, logged as {@code
 * eval/KEY} by step.
 *
 * <pre>{@code
 * public Measurement evaluate(EvaluationContext context) {
 *   Embedding fake = context.generatedFeatures(params.samples());
 *   Embedding real = context.realFeatures(params.samples());
 *   return Measurement.of("fid", FrechetDistance.between(fake, real));
 * }
 * }</pre>
 */
public interface Metric {
  Measurement evaluate(EvaluationContext context);

  /**
   * What keeps this metric from measuring this data, found once the data is open and before the run
   * starts: Nash reports it as invalid input (exit code 2) under the metric's entry. A metric that
   * needs a capability of its dataset (an oracle's density) says which dataset it needs.
   *
   * @return the problems, empty when there are none (the default)
   */
  default List<String> problemsWith(DataSource data) {
    return List.of();
  }

  /**
   * Whether the metric reads samples through the feature network on this data; the network is then
   * opened (and a classifier trained) before the run starts, so a problem with it leaves no run
   * behind.
   */
  default boolean needsFeatures(DataSource data) {
    return false;
  }
}
