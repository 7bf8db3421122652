package org.nashlab.losses;

import static org.nashlab.losses.CrossEntropy.asFake;
import static org.nashlab.losses.CrossEntropy.asReal;
import static org.nashlab.losses.CrossEntropy.mean;

import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.Doc;
import org.nashlab.api.Loss;
import org.nashlab.api.LossContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The relativistic average standard GAN (Jolicoeur-Martineau 2018, RaSGAN, eqs. 11-12): D judges
 * whether real data is more realistic than the average fake, {@code C(x) - E[C(G(z))]}, and the
 * other way round; G plays the same game with the labels swapped, so its gradient also depends on
 * real data.
 */
@Doc("relativistic average loss, RaSGAN (Jolicoeur-Martineau 2018)")
public final class RelativisticAverageLoss implements Loss {
  @Override
  public AdversarialLosses build(LossContext c) {
    Ops tf = c.tf();
    Operand<TFloat32> realVsFake = tf.math.sub(c.realLogits(), mean(tf, c.fakeLogits()));
    Operand<TFloat32> fakeVsReal = tf.math.sub(c.fakeLogits(), mean(tf, c.realLogits()));
    return new AdversarialLosses(
        tf.math.add(asReal(tf, realVsFake), asFake(tf, fakeVsReal)),
        tf.math.add(asReal(tf, fakeVsReal), asFake(tf, realVsFake)));
  }
}
