package org.nashlab.optimizers;

import org.nashlab.api.PluginModule;

/** Registers the built-in optimizers. */
public final class OptimizerPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    optimizers()
        .add("adam", AdamOptimizer.class)
        .add("rmsprop", RmsPropOptimizer.class)
        .add("sgd", SgdOptimizer.class);
  }
}
