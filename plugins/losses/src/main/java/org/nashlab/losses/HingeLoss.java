package org.nashlab.losses;

import static org.nashlab.losses.CrossEntropy.mean;

import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Doc;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;
import org.tensorflow.op.Ops;

/**
 * The hinge loss (Lim & Ye 2017; Miyato et al. 2018, eq. 17): D minimises {@code E[max(0, 1 -
 * D(x))] + E[max(0, 1 + D(G(z)))]}, G minimises {@code -E[D(G(z))]}.
 */
@Doc("hinge loss, D: E[relu(1 - D(x))] + E[relu(1 + D(G(z)))] (Lim & Ye 2017; Miyato et al. 2018)")
public final class HingeLoss implements Loss {
  @Override
  public AdversarialLosses build(LossContext c) {
    Ops tf = c.tf();
    var one = tf.constant(1f);
    var d =
        tf.math.add(
            mean(tf, tf.nn.relu(tf.math.sub(one, c.realLogits()))),
            mean(tf, tf.nn.relu(tf.math.add(one, c.fakeLogits()))));
    return new AdversarialLosses(d, tf.math.neg(mean(tf, c.fakeLogits())));
  }
}
