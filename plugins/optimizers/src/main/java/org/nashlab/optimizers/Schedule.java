package org.nashlab.optimizers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** How the learning rate moves from its base value over a network's updates. */
public enum Schedule {
  /** The base rate throughout. */
  CONSTANT {
    @Override
    Operand<TFloat32> rate(Ops tf, float base, Operand<TFloat32> progress) {
      return tf.constant(base);
    }
  },
  /** Linear decay from the base rate to zero at the last update. */
  LINEAR {
    @Override
    Operand<TFloat32> rate(Ops tf, float base, Operand<TFloat32> progress) {
      return tf.math.mul(tf.constant(base), tf.math.sub(tf.constant(1f), progress));
    }
  },
  /**
   * The base rate for the first half of the updates, then linear decay to zero at the last, as
   * CycleGAN trains (Zhu et al. 2017, section 4: 100 epochs constant, 100 decaying).
   */
  HALF_THEN_LINEAR {
    @Override
    Operand<TFloat32> rate(Ops tf, float base, Operand<TFloat32> progress) {
      Operand<TFloat32> left = tf.math.mul(tf.constant(2f), tf.math.sub(tf.constant(1f), progress));
      return tf.math.mul(tf.constant(base), tf.math.minimum(left, tf.constant(1f)));
    }
  },
  /** Cosine decay to zero (Loshchilov & Hutter 2017, without restarts). */
  COSINE {
    @Override
    Operand<TFloat32> rate(Ops tf, float base, Operand<TFloat32> progress) {
      Operand<TFloat32> cosine = tf.math.cos(tf.math.mul(progress, tf.constant((float) Math.PI)));
      return tf.math.mul(tf.constant(base / 2), tf.math.add(tf.constant(1f), cosine));
    }
  };

  /** The rate when {@code progress} (0 to 1) of the updates are done. */
  abstract Operand<TFloat32> rate(Ops tf, float base, Operand<TFloat32> progress);
}
