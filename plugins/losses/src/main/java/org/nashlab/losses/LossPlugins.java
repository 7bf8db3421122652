package org.nashlab.losses;

import org.nashlab.api.PluginModule;

/** Registers the built-in losses. */
public final class LossPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    losses()
        .add("minimax", MinimaxLoss.class)
        .add("non-saturating", NonSaturatingLoss.class)
        .add("wasserstein", WassersteinLoss.class)
        .add("hinge", HingeLoss.class)
        .add("least-squares", LeastSquaresLoss.class)
        .add("relativistic", RelativisticAverageLoss.class);
  }
}
