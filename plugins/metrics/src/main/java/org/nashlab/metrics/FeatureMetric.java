package org.nashlab.metrics;

import org.nashlab.api.DataSource;
import org.nashlab.api.Metric;

/** A metric computed in the feature network's space, whatever the data. */
interface FeatureMetric extends Metric {
  @Override
  default boolean needsFeatures(DataSource data) {
    return true;
  }
}
