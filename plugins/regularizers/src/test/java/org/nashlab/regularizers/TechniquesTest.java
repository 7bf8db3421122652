package org.nashlab.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.api.AveragingContext;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.Player;
import org.nashlab.api.ScheduleContext;
import org.nashlab.api.TransformContext;
import org.nashlab.api.WeightAveraging;
import org.nashlab.api.WeightContext;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.WeightReads;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The techniques of the second half of the catalogue, each against a known answer. */
class TechniquesTest extends CriticFixture {
  @Test
  void draganOfALinearCriticIsLambdaTimesNormMinusOneSquared() {
    var term = new Dragan(new Dragan.Params(10, 0.5)).terms(linearCritic());
    assertEquals(10 * Math.pow(normOfW() - 1, 2), run(term.discriminator().orElseThrow())[0], 1e-4);
  }

  @Test
  void r2IsHalfGammaTimesTheSquaredGradientNormAtGeneratedSamples() {
    var term = new R2Penalty(new R2Penalty.Params(4)).terms(linearCritic());
    assertEquals(2 * normOfW() * normOfW(), run(term.discriminator().orElseThrow())[0], 1e-4);
  }

  /** U diag(3, 1) V^T with rotations U (30 degrees) and V (-50 degrees): singular values 3, 1. */
  private static float[] matrixWithSingularValues3And1() {
    double a = Math.toRadians(30);
    double b = Math.toRadians(-50);
    double[][] u = {{Math.cos(a), -Math.sin(a)}, {Math.sin(a), Math.cos(a)}};
    double[][] v = {{Math.cos(b), -Math.sin(b)}, {Math.sin(b), Math.cos(b)}};
    double[] s = {3, 1};
    float[] m = new float[4];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double sum = 0;
        for (int k = 0; k < 2; k++) {
          sum += u[i][k] * s[k] * v[j][k];
        }
        m[i * 2 + j] = (float) sum;
      }
    }
    return m;
  }

  @Test
  void spectralNormConvergesToTheLargestSingularValue() {
    float[] m = matrixWithSingularValues3And1();
    Variable<TFloat32> w = tf.withName("d_dense_w").variable(constant(m, 2, 2));
    var spectral = new SpectralNorm(new SpectralNorm.Params(Player.DISCRIMINATOR, 1));
    WeightReads.Read read =
        spectral.reparametrise(
            new WeightContext(tf, "d_dense", w, 1, Player.DISCRIMINATOR, new Seeds(3)));
    try (Session session = new Session(graph)) {
      session.initialize();
      for (int i = 0; i < 30; i++) {
        var runner = session.runner();
        read.updates().forEach(runner::addTarget);
        runner.run().close();
      }
      float[] normalised = values(session, read.value());
      for (int i = 0; i < 4; i++) {
        assertEquals(m[i] / 3, normalised[i], 1e-5, "W / sigma at " + i);
      }
    }
  }

  @Test
  void spectralNormViewsAKernelWithItsOutputsAsRowsAndLeavesOtherNetworksAlone() {
    // A 1x1 convolution kernel [1, 1, in=2, out=2] is the matrix W itself.
    float[] m = matrixWithSingularValues3And1();
    Variable<TFloat32> kernel = tf.withName("g_conv_w").variable(constant(m, 1, 1, 2, 2));
    var spectral = new SpectralNorm(new SpectralNorm.Params(Player.GENERATOR, 3));
    var onD = new SpectralNorm(new SpectralNorm.Params(Player.DISCRIMINATOR, 1));
    WeightContext context =
        new WeightContext(tf, "g_conv", kernel, 3, Player.GENERATOR, new Seeds(3));
    assertSame(kernel, onD.reparametrise(context).value());
    WeightReads.Read read = spectral.reparametrise(context);
    try (Session session = new Session(graph)) {
      session.initialize();
      for (int i = 0; i < 10; i++) {
        var runner = session.runner();
        read.updates().forEach(runner::addTarget);
        runner.run().close();
      }
      float[] normalised = values(session, read.value());
      for (int i = 0; i < 4; i++) {
        assertEquals(m[i] / 3, normalised[i], 1e-5);
      }
    }
  }

  /** Images 8x8, one channel, each a single bright pixel at a known place. */
  private static float[] pointImages(int count) {
    float[] x = new float[count * 64];
    for (int b = 0; b < count; b++) {
      x[b * 64 + (2 + b % 4) * 8 + (3 + b % 3)] = 1f;
    }
    return x;
  }

  @Test
  void translationMovesEachImageByAWholeOffsetWithinTheRatio() {
    int count = 32;
    float[] in = pointImages(count);
    Augmentations augment = new Augmentations(tf, "t", new Seeds(5));
    float[] out = run(augment.translation(constant(in, count, 8, 8, 1), 0.25));
    java.util.Set<String> shifts = new java.util.HashSet<>();
    for (int b = 0; b < count; b++) {
      int from = indexOfOne(in, b);
      int to = indexOfOne(out, b);
      double total = 0;
      for (int i = 0; i < 64; i++) {
        total += out[b * 64 + i];
      }
      if (to < 0) {
        assertEquals(0, total, 1e-6, "a pixel shifted out leaves an empty image");
        continue;
      }
      assertEquals(1, total, 1e-6, "image " + b + " keeps exactly its one pixel");
      int dy = to / 8 - from / 8;
      int dx = to % 8 - from % 8;
      assertTrue(Math.abs(dy) <= 2 && Math.abs(dx) <= 2, "shift (" + dy + ", " + dx + ")");
      shifts.add(dy + "," + dx);
    }
    assertTrue(shifts.size() > 5, "shifts vary per sample: " + shifts);
  }

  private static int indexOfOne(float[] images, int b) {
    for (int i = 0; i < 64; i++) {
      if (images[b * 64 + i] > 0.5f) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void cutoutZeroesOneSquareOfTheRatiosSide() {
    int count = 16;
    float[] ones = new float[count * 64];
    java.util.Arrays.fill(ones, 1f);
    Augmentations augment = new Augmentations(tf, "c", new Seeds(5));
    float[] out = run(augment.cutout(constant(ones, count, 8, 8, 1), 0.5));
    for (int b = 0; b < count; b++) {
      int top = 8;
      int bottom = -1;
      int left = 8;
      int right = -1;
      int zeros = 0;
      for (int i = 0; i < 64; i++) {
        if (out[b * 64 + i] == 0f) {
          zeros++;
          top = Math.min(top, i / 8);
          bottom = Math.max(bottom, i / 8);
          left = Math.min(left, i % 8);
          right = Math.max(right, i % 8);
        } else {
          assertEquals(1f, out[b * 64 + i]);
        }
      }
      // A 4x4 hole, clipped at the border: a full rectangle, at most 4 on a side.
      assertTrue(zeros > 0, "image " + b + " has a hole");
      assertEquals((bottom - top + 1) * (right - left + 1), zeros, "the hole is a rectangle");
      assertTrue(bottom - top < 4 && right - left < 4);
    }
  }

  @Test
  void colourKeepsAConstantImageConstantAndShiftsItsBrightnessByAtMostAHalf() {
    int count = 16;
    float[] grey = new float[count * 4 * 4 * 3];
    java.util.Arrays.fill(grey, 0.2f);
    Augmentations augment = new Augmentations(tf, "k", new Seeds(5));
    float[] out = run(augment.colour(constant(grey, count, 4, 4, 3)));
    for (int b = 0; b < count; b++) {
      float first = out[b * 48];
      for (int i = 0; i < 48; i++) {
        assertEquals(first, out[b * 48 + i], 1e-6);
      }
      assertTrue(Math.abs(first - 0.2f) <= 0.5f + 1e-6);
    }
  }

  @Test
  void diffAugmentRefusesPointsWithAClearMessage() {
    var augment = new DiffAugment(new DiffAugment.Params(true, true, 0.125, true, 0.5));
    var error =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () ->
                augment.transform(
                    new TransformContext(
                        tf, constant(new float[4], 2, 2), tf.constant(0f), "a", new Seeds(1))));
    assertTrue(error.getMessage().contains("diffaugment augments images"), error.getMessage());
  }

  @Test
  void consistencyIsZeroForACriticThatIgnoresFlipsAndShiftsAndPositiveOtherwise() {
    int count = 8;
    float[] images = pointImages(count);
    Operand<TFloat32> x = constant(images, count, 8, 8, 1);
    // The sum of the pixels is unchanged by flips, and by shifts that keep the pixel inside
    // (a ratio of 0.125 moves it by at most one pixel; the pixels are away from the border).
    java.util.function.UnaryOperator<Operand<TFloat32>> total =
        in ->
            tf.reshape(
                tf.reduceSum(in, tf.constant(new int[] {1, 2, 3})), tf.constant(new int[] {-1, 1}));
    Operand<TFloat32> leftColumns = constant(leftHalfMask(), 1, 8, 8, 1);
    java.util.function.UnaryOperator<Operand<TFloat32>> leftHalf =
        in -> total.apply(tf.math.mul(in, leftColumns));
    var bcr = new Consistency(new Consistency.Params(10, 10, 0.125));
    float invariant = run(bcr.terms(context(x, total)).discriminator().orElseThrow())[0];
    float sensitive = run(bcr.terms(context(x, leftHalf)).discriminator().orElseThrow())[0];
    assertEquals(0, invariant, 1e-6);
    assertTrue(sensitive > 0.1, "flips move the pixel between halves: " + sensitive);
  }

  private static float[] leftHalfMask() {
    float[] mask = new float[64];
    for (int i = 0; i < 64; i++) {
      mask[i] = i % 8 < 4 ? 1f : 0f;
    }
    return mask;
  }

  private PenaltyContext context(
      Operand<TFloat32> x, java.util.function.UnaryOperator<Operand<TFloat32>> critic) {
    return new PenaltyContext(
        tf,
        x,
        x,
        critic.apply(x),
        critic.apply(x),
        critic,
        this::gradient,
        List.of(),
        List.of(),
        new Seeds(1),
        "d");
  }

  @Test
  void dSkipSkipsExactlyWhileTheLossIsBelowTheThreshold() {
    var skip = new DSkip(new DSkip.Params(0.3));
    assertEquals(0, skip.discriminatorUpdates(new ScheduleContext(10, 5, 0.29)));
    assertEquals(5, skip.discriminatorUpdates(new ScheduleContext(10, 5, 0.3)));
    assertEquals(1, skip.discriminatorUpdates(new ScheduleContext(10, 1, 1.2)));
    assertEquals(1, skip.discriminatorUpdates(new ScheduleContext(0, 1, Double.NaN)));
  }

  @Test
  void emaFollowsItsRecurrenceFromACopyOfTheFirstWeights() {
    // The "update" adds 1 to w each step: w_t = t. Shadows: s_1 = w_1, s_t = b s + (1 - b) w_t.
    Variable<TFloat32> w = tf.withName("g_w").variable(tf.constant(0f));
    Op update = tf.assignAdd(w, tf.constant(1f));
    WeightAveraging.Shadows shadows =
        new GeneratorAverage(new GeneratorAverage.Params(0.9, 0))
            .average(
                new AveragingContext(
                    tf, tf.withControlDependencies(List.of(update)), Player.GENERATOR, List.of(w)))
            .orElseThrow();
    double expected = 0;
    try (Session session = new Session(graph)) {
      session.initialize();
      for (int t = 1; t <= 12; t++) {
        var runner = session.runner();
        shadows.updates().forEach(runner::addTarget);
        runner.run().close();
        expected = t == 1 ? 1 : 0.9 * expected + 0.1 * t;
        assertEquals(expected, values(session, shadows.variables().get(0))[0], 1e-5, "step " + t);
        assertEquals(t, values(session, w)[0], 0f, "the update ran once per step");
      }
    }
  }
}
