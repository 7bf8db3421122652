package org.nashlab.variant.progan;

import org.nashlab.nn.Mode;
import org.nashlab.nn.Upsample;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * The level-of-detail arithmetic of the authors' one-graph networks: a fed scalar {@code lod}
 * decides how much of each resolution's block is seen, through {@code lerp_clip}; images move
 * between resolutions by 2 x 2 averaging and nearest-neighbour copies.
 */
final class LevelOfDetail {
  private final Ops tf;
  private final Operand<TFloat32> lod;

  LevelOfDetail(Ops tf, Operand<TFloat32> lod) {
    this.tf = tf;
    this.lod = lod;
  }

  /**
   * {@code a + (b - a) clip(lod - level, 0, 1)}: {@code a} while {@code lod <= level}, {@code b}
   * once {@code lod >= level + 1}, their convex combination between.
   */
  Operand<TFloat32> lerpClip(Operand<TFloat32> a, Operand<TFloat32> b, int level) {
    Operand<TFloat32> t =
        tf.clipByValue(
            tf.math.sub(lod, tf.constant((float) level)), tf.constant(0f), tf.constant(1f));
    return tf.math.add(a, tf.math.mul(tf.math.sub(b, a), t));
  }

  /** {@code [N, H, W, C]} averaged over {@code factor x factor} blocks. */
  Operand<TFloat32> downscale(Operand<TFloat32> images, int factor) {
    if (factor == 1) {
      return images;
    }
    long[] s = images.shape().asArray();
    Operand<TFloat32> blocks =
        tf.reshape(
            images,
            tf.constant(new long[] {-1, s[1] / factor, factor, s[2] / factor, factor, s[3]}));
    return tf.math.mean(blocks, tf.constant(new int[] {2, 4}), Mean.keepDims(false));
  }

  /** {@code [N, H, W, C]} with each pixel copied into a {@code factor x factor} block. */
  Operand<TFloat32> upscale(Operand<TFloat32> images, int factor) {
    return factor == 1 ? images : new Upsample(tf, factor).apply(images, Mode.INFERENCE);
  }

  /**
   * Full-resolution real images as the networks see them at this {@code lod}, the authors' {@code
   * process_reals}: averaged down to the resolution of {@code floor(lod)}, blended during a fade
   * with their further halving by {@code frac(lod)}, and copied back up to full size. That is
   * {@code u_k = upscale(downscale(x, 2^k), 2^k)} interpolated linearly in {@code lod} between
   * {@code k = floor(lod)} and {@code k + 1}.
   */
  Operand<TFloat32> reals(Operand<TFloat32> images, int levels) {
    Operand<TFloat32> seen = images;
    for (int k = 1; k < levels; k++) {
      Operand<TFloat32> coarser = upscale(downscale(images, 1 << k), 1 << k);
      seen = lerpClip(seen, coarser, k - 1);
    }
    return seen;
  }
}
