package org.nashlab.datasets;

import org.nashlab.api.PluginModule;

/** Registers the built-in datasets. */
public final class DatasetPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    datasets().add("ring", RingDataset.class).add("grid", GridDataset.class);
  }
}
