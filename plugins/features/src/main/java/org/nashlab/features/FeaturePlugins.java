package org.nashlab.features;

import org.nashlab.api.PluginModule;

/** Registers the built-in feature networks. */
public final class FeaturePlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    features()
        .add("trained-classifier", TrainedClassifier.class)
        .add("inception-graphdef", InceptionGraphDef.class);
  }
}
