package org.nashlab.plugin;

import org.nashlab.api.PluginModule;
import org.nashlab.track.MlflowTracker;

/** The plugins that live in core because they are framework services too. */
public final class CorePlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    trackers().add("mlflow", MlflowTracker.class);
  }
}
