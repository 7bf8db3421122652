package org.nashlab.variant.cgan;

import org.nashlab.api.PluginModule;

/** Registers the conditional GAN. */
public final class CganPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    variants().add("cgan", ConditionalGan.class);
  }
}
