package org.nashlab.variant.dcgan;

import org.nashlab.api.PluginModule;

/** Registers DCGAN. */
public final class DcganPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    variants().add("dcgan", Dcgan.class);
  }
}
