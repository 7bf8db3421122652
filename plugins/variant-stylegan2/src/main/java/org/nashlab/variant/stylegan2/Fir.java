package org.nashlab.variant.stylegan2;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;

/**
 * The authors' resampling with the separable FIR filter {@code [1, 3, 3, 1]} ({@code upfirdn2d}
 * with {@code resample_kernel=[1,3,3,1]}), on {@code [N, H, W, C]} images, built from pads, slices
 * and sums only so that it can be differentiated twice (R1 through D, the path-length penalty
 * through G). Outside the image the signal is zero, as {@code upfirdn2d}'s padding makes it.
 *
 * <p>Per axis: upsampling by 2 is {@code upfirdn2d(up=2, padding=(2, 1))} with the filter's gain 4
 * ({@code out[2i] = x[i-1]/4 + 3x[i]/4}, {@code out[2i+1] = 3x[i]/4 + x[i+1]/4}); downsampling is
 * {@code upfirdn2d(down=2, padding=(1, 1))} ({@code out[i] = (x[2i-1] + 3x[2i] + 3x[2i+1] +
 * x[2i+2]) / 8}); the blur before a stride-2 3 x 3 convolution is the filter at padding (2, 2),
 * {@code H + 1} values.
 */
final class Fir {
  private final Ops tf;

  Fir(Ops tf) {
    this.tf = tf;
  }

  /** {@code [N, 2H, 2W, C]}. */
  Operand<TFloat32> upsample(Operand<TFloat32> x) {
    return upsample(upsample(x, 1), 2);
  }

  /** {@code [N, H/2, W/2, C]}; the sides must be even. */
  Operand<TFloat32> downsample(Operand<TFloat32> x) {
    return downsample(downsample(x, 1), 2);
  }

  /**
   * {@code [N, H + 1, W + 1, C]}: the filter at padding 2, for a stride-2 valid 3 x 3 convolution.
   */
  Operand<TFloat32> blur(Operand<TFloat32> x) {
    return blur(blur(x, 1), 2);
  }

  private Operand<TFloat32> upsample(Operand<TFloat32> x, int axis) {
    long n = x.shape().get(axis);
    Operand<TFloat32> previous = slice(pad(x, axis, 1, 0), axis, 0, n);
    Operand<TFloat32> next = slice(pad(x, axis, 0, 1), axis, 1, n);
    Operand<TFloat32> even = weighted(previous, 0.25f, x, 0.75f);
    Operand<TFloat32> odd = weighted(x, 0.75f, next, 0.25f);
    long[] shape = x.shape().asArray();
    shape[0] = -1;
    shape[axis] = 2 * n;
    return tf.reshape(
        tf.stack(List.of(even, odd), Stack.axis((long) axis + 1)), tf.constant(shape));
  }

  private Operand<TFloat32> downsample(Operand<TFloat32> x, int axis) {
    long[] split = x.shape().asArray();
    long half = split[axis] / 2;
    split[0] = -1;
    long[] pairs = new long[split.length + 1];
    for (int i = 0, j = 0; i < split.length; i++) {
      pairs[j++] = i == axis ? half : split[i];
      if (i == axis) {
        pairs[j++] = 2;
      }
    }
    List<Operand<TFloat32>> evenOdd =
        tf
            .unstack(tf.reshape(x, tf.constant(pairs)), 2L, Unstack.axis((long) axis + 1))
            .output()
            .stream()
            .map(o -> (Operand<TFloat32>) o)
            .toList();
    Operand<TFloat32> even = evenOdd.get(0);
    Operand<TFloat32> odd = evenOdd.get(1);
    Operand<TFloat32> oddBefore = slice(pad(odd, axis, 1, 0), axis, 0, half);
    Operand<TFloat32> evenAfter = slice(pad(even, axis, 0, 1), axis, 1, half);
    Operand<TFloat32> middle = tf.math.mul(tf.math.add(even, odd), tf.constant(3f));
    return tf.math.mul(tf.math.add(tf.math.add(oddBefore, evenAfter), middle), tf.constant(1f / 8));
  }

  private Operand<TFloat32> blur(Operand<TFloat32> x, int axis) {
    long n = x.shape().get(axis) + 1;
    Operand<TFloat32> padded = pad(x, axis, 2, 2);
    Operand<TFloat32> outer = tf.math.add(slice(padded, axis, 0, n), slice(padded, axis, 3, n));
    Operand<TFloat32> inner = tf.math.add(slice(padded, axis, 1, n), slice(padded, axis, 2, n));
    return tf.math.mul(
        tf.math.add(outer, tf.math.mul(inner, tf.constant(3f))), tf.constant(1f / 8));
  }

  private Operand<TFloat32> weighted(Operand<TFloat32> a, float wa, Operand<TFloat32> b, float wb) {
    return tf.math.add(tf.math.mul(a, tf.constant(wa)), tf.math.mul(b, tf.constant(wb)));
  }

  private Operand<TFloat32> pad(Operand<TFloat32> x, int axis, int before, int after) {
    int[][] paddings = new int[x.shape().numDimensions()][2];
    paddings[axis] = new int[] {before, after};
    return tf.pad(x, tf.constant(paddings), tf.constant(0f));
  }

  private Operand<TFloat32> slice(Operand<TFloat32> x, int axis, long begin, long size) {
    int rank = x.shape().numDimensions();
    int[] begins = new int[rank];
    int[] sizes = new int[rank];
    Arrays.fill(sizes, -1);
    begins[axis] = (int) begin;
    sizes[axis] = (int) size;
    return tf.slice(x, tf.constant(begins), tf.constant(sizes));
  }
}
