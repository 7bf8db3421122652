package org.nashlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.op.core.Variable;

/** Residual blocks and concatenations against sums and concatenations computed in plain Java. */
class CombinatorsTest extends GraphTest {
  private final float[] x = random(3 * 2, 1);
  private final float[] w = random(2 * 2, 2);
  private final float[] v = random(2 * 1, 3);

  /** Row s of x times the [in, out] matrix m. */
  private double product(float[] m, int out, int s, int o) {
    return x[s * 2] * m[o] + x[s * 2 + 1] * m[out + o];
  }

  private static List<String> names(Network network) {
    return network.variables().stream().map(Variable::op).map(op -> op.name()).toList();
  }

  @Test
  void aResidualBlockAddsItsInputToItsMainPath() {
    Residual block = new Residual(tf, new Dense(tf, "r", 2, 2, fixed(w), seeds));
    float[] got = run(block.apply(constant(x, 3, 2), Mode.TRAINING))[0];
    for (int s = 0; s < 3; s++) {
      for (int o = 0; o < 2; o++) {
        assertEquals(product(w, 2, s, o) + x[s * 2 + o], got[s * 2 + o], 1e-5);
      }
    }
    assertEquals(List.of("r_w", "r_b"), names(block));
  }

  @Test
  void aResidualBlockWithAShortcutNetworkAddsBothPathsAndOwnsBothsVariables() {
    Residual block =
        new Residual(
            tf,
            new Dense(tf, "main", 2, 1, fixed(v), seeds),
            new Sequential(
                List.of(
                    new BatchNorm(tf, "bn", 2), new Dense(tf, "short", 2, 1, fixed(v), seeds))));
    var y = block.apply(constant(x, 3, 2), Mode.INFERENCE);
    block.apply(constant(x, 3, 2), Mode.TRAINING);
    float[] got = run(y)[0];
    // At initialisation batch norm in inference is x / sqrt(1 + 1e-5).
    double scale = 1 + 1 / Math.sqrt(1 + 1e-5);
    for (int s = 0; s < 3; s++) {
      assertEquals(scale * product(v, 1, s, 0), got[s], 1e-5);
    }
    assertEquals(
        List.of("main_w", "main_b", "bn_gamma", "bn_beta", "short_w", "short_b"), names(block));
    assertEquals(2, block.updates().size(), "batch norm's moving averages, once per training use");
  }

  @Test
  void aConcatenationJoinsItsBranchesAlongTheLastAxis() {
    Concat both =
        new Concat(
            tf,
            List.of(
                new Dense(tf, "a", 2, 2, fixed(w), seeds),
                Activation.identity(),
                new Dense(tf, "b", 2, 1, fixed(v), seeds)));
    float[] got = run(both.apply(constant(x, 3, 2), Mode.TRAINING))[0];
    for (int s = 0; s < 3; s++) {
      float[] expected = {
        (float) product(w, 2, s, 0),
        (float) product(w, 2, s, 1),
        x[s * 2],
        x[s * 2 + 1],
        (float) product(v, 1, s, 0)
      };
      assertArrayEquals(expected, java.util.Arrays.copyOfRange(got, s * 5, s * 5 + 5), 1e-5f);
    }
    assertEquals(List.of("a_w", "a_b", "b_w", "b_b"), names(both));
  }

  @Test
  void aNetworkUsedTwiceContributesItsVariablesOnce() {
    Dense shared = new Dense(tf, "shared", 2, 2, fixed(w), seeds);
    Sequential twice = new Sequential(List.of(new Residual(tf, shared, shared), shared));
    assertEquals(List.of("shared_w", "shared_b"), names(twice));
  }
}
