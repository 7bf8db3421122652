package org.nashlab.variant.cyclegan;

import java.util.List;
import org.nashlab.nn.Noise;
import org.nashlab.nn.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A history of earlier translations the discriminator also sees (Shrivastava et al. 2017, section
 * 2.3; CycleGAN's {@code ImagePool}): until the pool holds {@code size} images each new one is
 * stored and passed on; after that each new image is, with probability one half, swapped with a
 * random stored one (the stored one goes to D, the new one takes its place), else passed on. As in
 * the authors' code the decision is per image. The pool, its fill level and its random counters are
 * variables, so checkpoints keep them and a resumed trial draws the same swaps.
 */
final class ImagePool {
  private final Ops tf;
  private final int size;
  private final int batch;
  private final Variable<TFloat32> images;
  private final Variable<TFloat32> stored;
  private final String name;
  private final Seeds seeds;

  ImagePool(Ops tf, String name, int size, int batch, Shape image, Seeds seeds) {
    if (batch > size) {
      throw new IllegalArgumentException(
          "pool-size " + size + " must be at least the batch size " + batch + " (or 0: no pool)");
    }
    this.tf = tf;
    this.size = size;
    this.batch = batch;
    this.name = name;
    this.seeds = seeds;
    this.images =
        tf.withName(name + "_images")
            .variable(tf.zeros(tf.constant(Shape.of(size).append(image)), TFloat32.class));
    this.stored = tf.withName(name + "_stored").variable(tf.constant(0f));
  }

  /**
   * What D sees for the batch {@code fresh}, and the ops that update the pool after {@code after}.
   */
  Query query(Operand<TFloat32> fresh) {
    Operand<TBool> full = tf.math.greaterEqual(stored, tf.constant((float) size));
    Operand<TFloat32> coin =
        Noise.uniform(tf, tf.constant(new int[] {batch}), name + "_coin", seeds);
    Operand<TFloat32> order =
        Noise.uniform(tf, tf.constant(new int[] {size}), name + "_slot", seeds);
    // Distinct random slots: the first `batch` of a random permutation of the pool.
    Operand<TInt32> randomSlots = tf.nn.topK(order, tf.constant(batch), TInt32.class).indices();
    Operand<TInt32> nextSlots =
        tf.math.floorMod(
            tf.math.add(
                tf.dtypes.cast(stored, TInt32.class),
                tf.range(tf.constant(0), tf.constant(batch), tf.constant(1))),
            tf.constant(size));
    Operand<TInt32> slots = tf.select(full, randomSlots, nextSlots);
    Operand<TBool> swap =
        tf.math.logicalAnd(
            tf.broadcastTo(full, tf.constant(new int[] {batch})),
            tf.math.less(coin, tf.constant(0.5f)));
    Operand<TFloat32> old = tf.gather(images, slots, tf.constant(0));
    Operand<TBool> perImage = tf.reshape(swap, tf.constant(new long[] {batch, 1, 1, 1}));
    Operand<TFloat32> seen = tf.select(perImage, old, fresh);
    // Stored back: the fresh image where it was stored (filling) or swapped in, else the old one.
    Operand<TBool> keepOld =
        tf.reshape(
            tf.math.logicalAnd(
                tf.broadcastTo(full, tf.constant(new int[] {batch})), tf.math.logicalNot(swap)),
            tf.constant(new long[] {batch, 1, 1, 1}));
    Operand<TFloat32> written = tf.select(keepOld, old, fresh);
    return new Query(seen, slots, written);
  }

  /** The images D sees, and what to write back where. */
  final class Query {
    private final Operand<TFloat32> seen;
    private final Operand<TInt32> slots;
    private final Operand<TFloat32> written;

    private Query(Operand<TFloat32> seen, Operand<TInt32> slots, Operand<TFloat32> written) {
      this.seen = seen;
      this.slots = slots;
      this.written = written;
    }

    Operand<TFloat32> seen() {
      return seen;
    }

    /** The pool's update, run after {@code update} (D's, which read the pool first). */
    List<Op> after(Op update) {
      Ops later = tf.withControlDependencies(List.of(update));
      return List.of(
          later.scatterUpdate(images, slots, written),
          later.assign(
              stored,
              later.math.minimum(
                  later.math.add(stored, later.constant((float) batch)),
                  later.constant((float) size))));
    }
  }
}
