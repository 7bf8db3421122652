package org.nashlab.variant.stylegan2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Rows;
import org.nashlab.testkit.TestGraph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The path-length penalty of a linear generator {@code x = A vec(ws)} against its closed form:
 * {@code J^T y = A^T y}, so each length is {@code sqrt(mean over styles of the squared norm over
 * the latent of (A^T y))}, computed here in double precision.
 */
class PathLengthTest {
  private static final int N = 4;
  private static final int STYLES = 3;
  private static final int LATENT = 5;
  private static final int SIDE = 2;
  private static final int PIXELS = SIDE * SIDE;
  private static final float DECAY = 0.25f;
  private static final float STORED = 0.7f;

  private static float[][] results(int rows) {
    float[] a = TestGraph.gaussian(STYLES * LATENT * PIXELS, 1);
    float[] ws = TestGraph.gaussian(N * STYLES * LATENT, 2);
    float[] y = TestGraph.gaussian(N * PIXELS, 3);
    try (TestGraph g = new TestGraph()) {
      var tf = g.tf;
      Operand<TFloat32> wsIn = firstRows(tf, g.constant(ws, N, STYLES, LATENT), rows);
      Operand<TFloat32> images =
          tf.reshape(
              tf.linalg.matMul(
                  tf.reshape(wsIn, tf.constant(new int[] {-1, STYLES * LATENT})),
                  g.constant(a, STYLES * LATENT, PIXELS)),
              tf.constant(new int[] {-1, SIDE, SIDE, 1}));
      Variable<TFloat32> stored = tf.withName("g_pl_mean").variable(tf.constant(STORED));
      PathLength pl =
          PathLength.of(
              tf,
              (f, x) -> {
                Output<?>[] grads =
                    g.graph.addGradients(
                        "pl",
                        new Output<?>[] {tf.sum(f, tf.constant(new int[] {0, 1, 2, 3})).asOutput()},
                        new Output<?>[] {x.asOutput()},
                        new Output<?>[] {tf.constant(1f).asOutput()});
                return grads[0].expect(TFloat32.class);
              },
              images,
              wsIn,
              firstRows(tf, g.constant(y, N, SIDE, SIDE, 1), rows),
              tf.constant(rows),
              stored,
              DECAY);
      List<float[]> out = g.run(Map.of(), List.of(pl.penalty(), pl.meanLength(), pl.average()));
      g.run(Map.of(), List.of(tf.withControlDependencies(List.of(pl.update())).identity(stored)));
      float[] after = g.run(stored);
      return new float[][] {out.get(0), out.get(1), out.get(2), after, a, ws, y};
    }
  }

  private static Operand<TFloat32> firstRows(Ops tf, Operand<TFloat32> x, int rows) {
    return Rows.first(tf, x, tf.constant(rows));
  }

  @Test
  void thePenaltyOfALinearGeneratorIsItsClosedForm() {
    int rows = N;
    float[][] r = results(rows);
    float[] a = r[4];
    float[] y = r[6];
    double[] lengths = new double[rows];
    for (int n = 0; n < rows; n++) {
      double squares = 0;
      for (int k = 0; k < STYLES * LATENT; k++) {
        double jty = 0;
        for (int p = 0; p < PIXELS; p++) {
          jty += (double) a[k * PIXELS + p] * y[n * PIXELS + p];
        }
        squares += jty * jty;
      }
      lengths[n] = Math.sqrt(squares / STYLES);
    }
    double mean = Arrays.stream(lengths).average().orElseThrow();
    double average = STORED + DECAY * (mean - STORED);
    double penalty = 0;
    for (double l : lengths) {
      penalty += (l - average) * (l - average) / rows;
    }
    assertEquals(mean, r[1][0], 1e-5 * mean);
    assertEquals(average, r[2][0], 1e-5);
    assertEquals(penalty, r[0][0], 1e-5 * Math.max(penalty, 1e-3));
    assertEquals(average, r[3][0], 1e-5, "the stored average after the update");
  }

  @Test
  void noRowsGiveNoPenaltyAndLeaveTheAverageAlone() {
    float[][] r = results(0);
    assertEquals(0, r[0][0]);
    assertEquals(STORED, r[2][0]);
    assertEquals(STORED, r[3][0]);
  }
}
