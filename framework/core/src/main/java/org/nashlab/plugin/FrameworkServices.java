package org.nashlab.plugin;

import com.google.inject.AbstractModule;
import org.nashlab.config.NashHome;

/** The framework services a plugin may inject. */
public final class FrameworkServices extends AbstractModule {
  private final NashHome home;

  public FrameworkServices(NashHome home) {
    this.home = home;
  }

  @Override
  protected void configure() {
    bind(NashHome.class).toInstance(home);
  }
}
