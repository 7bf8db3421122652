package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.positive;

import java.util.List;
import java.util.stream.IntStream;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Player;
import org.nashlab.api.WeightContext;
import org.nashlab.api.WeightReparametrisation;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.WeightReads;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Spectral normalisation (Miyato et al. 2018, Algorithm 1): each weight {@code W} is used as {@code
 * W / sigma(W)}, its largest singular value estimated by power iteration with a persistent vector
 * {@code u} (one variable per layer, {@code LAYER_sn_u}, saved in checkpoints) that advances by
 * {@code iterations} steps with every training step of the network. Kernels are viewed as {@code
 * [outputs, everything else]} matrices, as in the paper's code. Gradients flow through {@code W /
 * sigma}, with {@code u} and {@code v} held constant.
 */
@Doc("spectral normalisation W / sigma(W), persistent power iteration (Miyato et al. 2018)")
public final class SpectralNorm implements WeightReparametrisation {
  public record Params(
      @Doc("discriminator, generator or both") @Default("discriminator") Player on,
      @Doc("power iterations per training step") @Default("1") int iterations) {
    public Params {
      positive(iterations, "iterations");
    }
  }

  private final Params params;

  public SpectralNorm(Params params) {
    this.params = params;
  }

  @Override
  public WeightReads.Read reparametrise(WeightContext c) {
    if (!params.on().covers(c.owner())) {
      return c.plain();
    }
    Ops tf = c.tf();
    Variable<TFloat32> weight = c.weight();
    int rank = weight.shape().numDimensions();
    int axis = c.outputAxis();
    int[] outputsFirst =
        IntStream.concat(IntStream.of(axis), IntStream.range(0, rank).filter(i -> i != axis))
            .toArray();
    Operand<TFloat32> matrix =
        tf.reshape(
            tf.linalg.transpose(weight, tf.constant(outputsFirst)),
            tf.constant(new long[] {weight.shape().get(axis), -1}));
    Variable<TFloat32> u =
        tf.withName(c.layer() + "_sn_u")
            .variable(
                Initializer.normal(1f)
                    .initialValue(
                        tf,
                        org.tensorflow.ndarray.Shape.of(weight.shape().get(axis), 1),
                        c.seeds()));
    Operand<TFloat32> left = tf.identity(u);
    Operand<TFloat32> right = null;
    for (int i = 0; i < params.iterations(); i++) {
      right =
          unit(
              tf, tf.linalg.matMul(matrix, left, org.tensorflow.op.linalg.MatMul.transposeA(true)));
      left = unit(tf, tf.linalg.matMul(matrix, right));
    }
    Operand<TFloat32> u1 = tf.stopGradient(left);
    Operand<TFloat32> v1 = tf.stopGradient(right);
    Operand<TFloat32> sigma =
        tf.reduceSum(tf.math.mul(u1, tf.linalg.matMul(matrix, v1)), tf.constant(new int[] {0, 1}));
    return new WeightReads.Read(tf.math.div(weight, sigma), List.of(tf.assign(u, u1)));
  }

  /** {@code x / ||x||}, with a floor on the norm. Mul, never Square (its gradient crashes). */
  private static Operand<TFloat32> unit(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> squared = tf.reduceSum(tf.math.mul(x, x), tf.constant(new int[] {0, 1}));
    return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squared, tf.constant(1e-12f))));
  }
}
