package org.nashlab.eval;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.Embedding;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.Measurement;
import org.nashlab.api.MixtureModes;

/**
 * Runs an experiment's metrics on the generator's current samples. Generated samples and their
 * features are computed once per evaluation and shared by the metrics; the real samples' features
 * once per run, and cached on disk across runs.
 *
 * <pre>{@code
 * Evaluator.Result result = evaluator.evaluate(sampler);
 * result.values(); // {eval/fid=23.1, eval/kid=0.012, ...}
 * }</pre>
 */
public final class Evaluator {
  /**
   * @param values {@code eval/NAME} to value, in the order the metrics are listed
   * @param collapse the first collapse a metric signalled, with its reason
   */
  public record Result(Map<String, Double> values, Optional<String> collapse) {}

  private final List<NamedMetric> metrics;
  private final Optional<FeatureNetwork> network;
  private final String datasetKey;
  private final RealReference reference;
  private final Optional<MixtureModes> modes;
  private final RealFeatureCache cache;
  private final Map<Integer, Embedding> realFeatures = new HashMap<>();

  /**
   * @param network the feature network, when a metric needs one
   * @param datasetKey identifies the dataset and its parameters, for the cache
   * @param cacheFolder where real features are kept across runs
   */
  public Evaluator(
      List<NamedMetric> metrics,
      Optional<FeatureNetwork> network,
      String datasetKey,
      Path cacheFolder,
      RealReference reference,
      Optional<MixtureModes> modes) {
    this.metrics = List.copyOf(metrics);
    this.network = requireNonNull(network, "network");
    this.datasetKey = requireNonNull(datasetKey, "datasetKey");
    this.reference = requireNonNull(reference, "reference");
    this.modes = requireNonNull(modes, "modes");
    this.cache = new RealFeatureCache(cacheFolder);
  }

  public boolean hasMetrics() {
    return !metrics.isEmpty();
  }

  public Result evaluate(GeneratedSamples generator) {
    EvaluationRound round = new EvaluationRound(generator, this);
    Map<String, Double> values = new LinkedHashMap<>();
    Optional<String> collapse = Optional.empty();
    for (NamedMetric m : metrics) {
      Measurement measurement = m.metric().evaluate(round);
      measurement.values().forEach((key, value) -> values.put("eval/" + key, value));
      if (collapse.isEmpty()) {
        collapse = measurement.collapse().map(reason -> m.name() + ": " + reason);
      }
    }
    return new Result(values, collapse);
  }

  FeatureNetwork network() {
    return network.orElseThrow(
        () ->
            new IllegalStateException(
                "a metric asked for features but declared it needs none (needsFeatures)"));
  }

  Optional<MixtureModes> modes() {
    return modes;
  }

  RealReference reference() {
    return reference;
  }

  Embedding realFeatures(int n) {
    return realFeatures.computeIfAbsent(
        n,
        count -> {
          String id = network().id();
          return cache
              .find(id, datasetKey, count)
              .orElseGet(
                  () -> {
                    Embedding e = network().embed(reference.draw(count));
                    cache.store(id, datasetKey, e);
                    return e;
                  });
        });
  }
}
