package org.nashlab.metrics;

import org.nashlab.api.PluginModule;

/** Registers the built-in evaluation metrics. */
public final class MetricPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    metrics()
        .add("fid", FidMetric.class)
        .add("kid", KidMetric.class)
        .add("inception-score", InceptionScoreMetric.class)
        .add("precision-recall", PrecisionRecallMetric.class)
        .add("density-coverage", DensityCoverageMetric.class)
        .add("mode-coverage", ModeCoverageMetric.class);
  }
}
