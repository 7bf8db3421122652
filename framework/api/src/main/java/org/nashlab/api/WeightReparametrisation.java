package org.nashlab.api;

import org.nashlab.nn.WeightReads;

/**
 * A technique that changes how layers read their weights, like spectral normalisation: the
 * optimizer still updates the raw variable, the layer computes with the reparametrised weight, and
 * gradients flow through the reparametrisation.
 */
public interface WeightReparametrisation extends Regularizer {
  /** The weight as the layer should use it, or {@code context.plain()} to leave it alone. */
  WeightReads.Read reparametrise(WeightContext context);
}
