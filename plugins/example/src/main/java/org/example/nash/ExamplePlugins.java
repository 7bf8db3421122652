package org.example.nash;

import org.nashlab.api.PluginModule;

/**
 * The plugin jar's entry point, listed in {@code META-INF/services/org.nashlab.api.PluginModule}.
 */
public final class ExamplePlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    datasets().add("spiral", SpiralDataset.class);
    variants().add("multi-critic", MultiCriticGan.class);
  }
}
