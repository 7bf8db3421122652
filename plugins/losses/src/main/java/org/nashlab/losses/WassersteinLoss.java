package org.nashlab.losses;

import static org.nashlab.losses.CrossEntropy.mean;

import java.util.Map;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Doc;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;
import org.tensorflow.op.Ops;

/**
 * The Wasserstein GAN (Arjovsky et al. 2017, eq. 3): the critic maximises {@code E[D(x)] -
 * E[D(G(z))]}, the generator maximises {@code E[D(G(z))]}. Needs a Lipschitz constraint on D
 * (weight clipping or a gradient penalty) to estimate the distance. Logs the critic's estimate,
 * {@code E[D(x)] - E[D(G(z))]}, as {@code wasserstein/estimate}.
 */
@Doc("Wasserstein loss, critic maximises E[D(x)] - E[D(G(z))] (Arjovsky et al. 2017)")
public final class WassersteinLoss implements Loss {
  @Override
  public AdversarialLosses build(LossContext c) {
    Ops tf = c.tf();
    var estimate = tf.math.sub(mean(tf, c.realLogits()), mean(tf, c.fakeLogits()));
    return new AdversarialLosses(
        tf.math.neg(estimate),
        tf.math.neg(mean(tf, c.fakeLogits())),
        Map.of("wasserstein/estimate", estimate));
  }
}
