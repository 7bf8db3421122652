package org.nashlab.api;

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
   * Whether the metric reads samples through the feature network on this data; the network is then
   * opened (and a classifier trained) before the run starts, so a problem with it leaves no run
   * behind.
   */
  default boolean needsFeatures(DataSource data) {
    return false;
  }
}
