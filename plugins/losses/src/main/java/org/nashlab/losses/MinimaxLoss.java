package org.nashlab.losses;

import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Doc;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;

/**
 * The original minimax game (Goodfellow et al. 2014, eq. 1): D maximises {@code log D(x) + log(1 -
 * D(G(z)))}, G minimises {@code log(1 - D(G(z)))}. G's gradient vanishes when D wins early.
 */
@Doc("minimax GAN loss, G minimises log(1 - D(G(z))) (Goodfellow et al. 2014, eq. 1)")
public final class MinimaxLoss implements Loss {
  @Override
  public AdversarialLosses build(LossContext c) {
    return new AdversarialLosses(
        CrossEntropy.discriminator(c),
        c.tf().math.neg(CrossEntropy.asFake(c.tf(), c.fakeLogits())));
  }
}
