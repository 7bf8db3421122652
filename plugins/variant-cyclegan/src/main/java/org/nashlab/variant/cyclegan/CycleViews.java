package org.nashlab.variant.cyclegan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;

/**
 * What Nash shows and measures of a CycleGAN, on the streams {@code a-held-out} and {@code
 * b-held-out} (or {@code a} and {@code b}): the translations a to b (the samples the metrics
 * compare with domain b), the picture of inputs beside translations and reconstructions, and the
 * probes: cycle errors and, against a known mapping, translation errors beside the identity map's.
 *
 * @param translations {@code G_AB(a)}
 * @param grid rows of {@code a, G_AB(a), G_BA(G_AB(a)), b, G_BA(b), G_AB(G_BA(b))}
 * @param probes mean absolute errors by key
 */
record CycleViews(
    Operand<TFloat32> translations,
    TrainingProgram.SampleGrid grid,
    Map<String, Operand<TFloat32>> probes) {
  private static final int GRID_ROWS = 8;

  static CycleViews of(
      VariantContext context, Network gAB, Network gBA, CycleGan.Params params, Shape shape) {
    Ops tf = context.tf();
    String suffix = params.heldOut() ? CycleGan.HELD_OUT : "";
    Operand<TFloat32> a = context.real(CycleGan.A + suffix);
    Operand<TFloat32> b = context.real(CycleGan.B + suffix);
    Operand<TFloat32> ab = gAB.apply(a, Mode.INFERENCE);
    Operand<TFloat32> ba = gBA.apply(b, Mode.INFERENCE);
    Operand<TFloat32> aba = gBA.apply(ab, Mode.INFERENCE);
    Operand<TFloat32> bab = gAB.apply(ba, Mode.INFERENCE);
    Map<String, Operand<TFloat32>> probes = new LinkedHashMap<>();
    probes.put("cycle-error/a", meanAbsolute(tf, aba, a));
    probes.put("cycle-error/b", meanAbsolute(tf, bab, b));
    if (params.reference() == CycleGan.Reference.INVERSION) {
      probes.put("translation-error/a-to-b", meanAbsolute(tf, ab, tf.math.neg(a)));
      probes.put("translation-error/b-to-a", meanAbsolute(tf, ba, tf.math.neg(b)));
      probes.put("translation-error/identity-a-to-b", meanAbsolute(tf, a, tf.math.neg(a)));
      probes.put("translation-error/identity-b-to-a", meanAbsolute(tf, b, tf.math.neg(b)));
    }
    Operand<TFloat32> rows = tf.stack(List.of(a, ab, aba, b, ba, bab), Stack.axis(1L));
    Operand<TFloat32> grid = tf.reshape(rows, tf.constant(Shape.of(-1).append(shape).asArray()));
    return new CycleViews(ab, new TrainingProgram.SampleGrid(grid, GRID_ROWS, 6), probes);
  }

  /** The mean absolute difference over every pixel of the batch: CycleGAN's L1 loss too. */
  static Operand<TFloat32> meanAbsolute(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y) {
    return tf.math.mean(tf.math.abs(tf.math.sub(x, y)), tf.constant(new int[] {0, 1, 2, 3}));
  }
}
