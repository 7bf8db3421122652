package org.nashlab.variant.stylegan2;

import org.nashlab.api.PluginModule;

/** Registers StyleGAN2. */
public final class StyleGan2Plugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    variants().add("stylegan2", StyleGan2.class);
  }
}
