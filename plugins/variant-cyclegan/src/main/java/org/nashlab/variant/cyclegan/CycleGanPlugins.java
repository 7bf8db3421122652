package org.nashlab.variant.cyclegan;

import org.nashlab.api.PluginModule;

/** Registers CycleGAN. */
public final class CycleGanPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    variants().add("cyclegan", CycleGan.class);
  }
}
