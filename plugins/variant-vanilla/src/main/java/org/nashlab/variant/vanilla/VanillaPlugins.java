package org.nashlab.variant.vanilla;

import org.nashlab.api.PluginModule;

/** Registers the vanilla GAN. */
public final class VanillaPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    variants().add("vanilla", VanillaGan.class);
  }
}
