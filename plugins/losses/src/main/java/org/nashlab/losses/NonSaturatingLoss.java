package org.nashlab.losses;

import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Doc;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;

/**
 * The non-saturating variant (Goodfellow et al. 2014, section 3): D as in the minimax game, G
 * maximises {@code log D(G(z))} instead, which gives strong gradients early in training.
 */
@Doc("non-saturating GAN loss, G maximises log D(G(z)) (Goodfellow et al. 2014, sec. 3)")
public final class NonSaturatingLoss implements Loss {
  @Override
  public AdversarialLosses build(LossContext c) {
    return new AdversarialLosses(
        CrossEntropy.discriminator(c), CrossEntropy.asReal(c.tf(), c.fakeLogits()));
  }
}
