package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * What a feature network is opened with.
 *
 * @param data the run's training data; a trained classifier learns its labels
 * @param datasetKey identifies the dataset and its parameters, for cache keys
 * @param cache a folder the network may keep files in across runs ({@code NASH_HOME/features})
 */
public record FeatureContext(DataSource data, String datasetKey, Path cache) {
  public FeatureContext {
    requireNonNull(data, "data");
    requireNonNull(datasetKey, "datasetKey");
    requireNonNull(cache, "cache");
  }
}
