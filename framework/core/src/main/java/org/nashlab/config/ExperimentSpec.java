package org.nashlab.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.VariantContext;

/**
 * A validated experiment: every plugin found and every parameter bound.
 *
 * @param name the experiment's name; runs are logged under it
 * @param file the experiment file
 * @param datasets the data streams by name, in the file's order: {@code real} for a {@code
 *     dataset:} section ({@link VariantContext#REAL}), the keys of {@code datasets:} otherwise
 * @param variant the GAN variant
 * @param loss the adversarial loss
 * @param generatorOptimizer the generator's optimizer
 * @param discriminatorOptimizer the discriminator's optimizer
 * @param regularizers the stability techniques, in order
 * @param metrics the evaluation metrics
 * @param features the feature network the metrics see samples through
 * @param tracker where the run is logged
 * @param training the loop's settings
 */
public record ExperimentSpec(
    String name,
    Path file,
    Map<String, PluginChoice> datasets,
    PluginChoice variant,
    PluginChoice loss,
    PluginChoice generatorOptimizer,
    PluginChoice discriminatorOptimizer,
    List<PluginChoice> regularizers,
    List<PluginChoice> metrics,
    PluginChoice features,
    PluginChoice tracker,
    TrainingSettings training) {
  public ExperimentSpec {
    requireNonNull(name, "name");
    requireNonNull(file, "file");
    if (datasets.isEmpty()) {
      throw new IllegalArgumentException("an experiment needs at least one dataset");
    }
    datasets = Collections.unmodifiableMap(new LinkedHashMap<>(datasets));
    requireNonNull(variant, "variant");
    requireNonNull(loss, "loss");
    requireNonNull(generatorOptimizer, "generatorOptimizer");
    requireNonNull(discriminatorOptimizer, "discriminatorOptimizer");
    regularizers = List.copyOf(regularizers);
    metrics = List.copyOf(metrics);
    requireNonNull(features, "features");
    requireNonNull(tracker, "tracker");
    requireNonNull(training, "training");
  }

  /**
   * The one dataset of an experiment with a {@code dataset:} section.
   *
   * @throws IllegalStateException if the experiment names several streams under {@code datasets:}
   */
  public PluginChoice dataset() {
    PluginChoice single = datasets.get(VariantContext.REAL);
    if (single == null || !single.key().equals("dataset")) {
      throw new IllegalStateException(
          file + " names several datasets " + datasets.keySet() + ", not one dataset:");
    }
    return single;
  }

  /** Whether the data come from one {@code dataset:} section. */
  public boolean singleDataset() {
    PluginChoice single = datasets.get(VariantContext.REAL);
    return single != null && single.key().equals("dataset");
  }
}
