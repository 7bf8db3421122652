package org.nashlab.executors;

import org.nashlab.api.PluginModule;

/** Registers the built-in executors. */
public final class ExecutorPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    executors().add("local", LocalExecutor.class).add("slurm", SlurmExecutor.class);
  }
}
