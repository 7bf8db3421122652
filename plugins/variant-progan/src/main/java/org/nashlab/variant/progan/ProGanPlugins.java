package org.nashlab.variant.progan;

import org.nashlab.api.PluginModule;

/** Registers ProGAN. */
public final class ProGanPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    variants().add("progan", ProGan.class);
  }
}
