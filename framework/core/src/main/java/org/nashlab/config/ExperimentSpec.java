package org.nashlab.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated experiment: every plugin found and every parameter bound.
 *
 * @param name the experiment's name; runs are logged under it
 * @param file the experiment file
 * @param dataset the dataset plugin
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
    PluginChoice dataset,
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
    requireNonNull(dataset, "dataset");
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
}
