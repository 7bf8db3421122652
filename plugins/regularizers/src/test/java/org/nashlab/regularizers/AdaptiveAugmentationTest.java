package org.nashlab.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.TransformContext;
import org.nashlab.nn.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** ADA's probability against its update rule, and its augmentations chosen with probability p. */
class AdaptiveAugmentationTest extends CriticFixture {
  private static AdaptiveAugmentation.Params params(
      int interval, double kimg, double initialP, boolean cutoutOnly) {
    return new AdaptiveAugmentation.Params(
        0.6, interval, kimg, initialP, !cutoutOnly, !cutoutOnly, !cutoutOnly, cutoutOnly);
  }

  @Test
  void pMovesBySignOfRtMinusTargetEveryIntervalAndStaysInZeroOne() {
    // 4 real images a D update, adjusted every 2 updates: 8 images, 8 / (0.08 * 1000) = 0.1.
    AdaptiveAugmentation ada = new AdaptiveAugmentation(params(2, 0.08, 0, false));
    Placeholder<TFloat32> images =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(4, 4, 4, 1)));
    Operand<TFloat32> real =
        ada.transform(new TransformContext(tf, images, tf.constant(0f), "r0_real", new Seeds(1)));
    ada.transform(new TransformContext(tf, images, tf.constant(0f), "r0_fake", new Seeds(2)));
    Placeholder<TFloat32> logits =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(4, 1)));
    LossTerm.Terms terms =
        ada.terms(
            new PenaltyContext(
                tf, real, real, logits, logits, x -> x, null, List.of(), List.of(), null, "r0_d"));
    Operand<TFloat32> p = terms.tracked().get("p");
    Operand<TFloat32> rt = terms.tracked().get("rt");
    assertTrue(terms.discriminator().isEmpty() && terms.generator().isEmpty());
    float[] positive = {1f, 2f, 0.5f, 3f};
    float[] half = {1f, -2f, 0.5f, -3f};
    float[] negative = {-1f, -2f, -0.5f, -3f};
    List<float[]> fed = new java.util.ArrayList<>();
    fed.addAll(List.of(positive, positive, half, half, negative, negative));
    for (int i = 0; i < 24; i++) {
      fed.add(positive);
    }
    double expectedP = 0;
    double signs = 0;
    int seen = 0;
    try (Session session = new Session(graph)) {
      session.initialize();
      for (int update = 1; update <= fed.size(); update++) {
        float[] l = fed.get(update - 1);
        for (float v : l) {
          signs += Math.signum(v);
        }
        seen += 4;
        double expectedRt = signs / seen;
        if (update % 2 == 0) {
          expectedP += Math.signum(expectedRt - 0.6) * seen / 80.0;
          expectedP = Math.min(1, Math.max(0, expectedP));
          signs = 0;
          seen = 0;
        }
        try (TFloat32 in = TFloat32.tensorOf(Shape.of(4, 4, 4, 1));
            TFloat32 out = TFloat32.tensorOf(Shape.of(4, 1), DataBuffers.of(l))) {
          var runner = session.runner().feed(images, in).feed(logits, out);
          terms.updates().forEach(runner::addTarget);
          if (update % 2 == 1) {
            // As on a step that logs nothing: the updates alone count the signs.
            runner.run().close();
            continue;
          }
          try (var result = runner.fetch(p).fetch(rt).run()) {
            assertEquals(expectedP, scalar(result.get(0)), 1e-6, "p after D update " + update);
            assertEquals(expectedRt, scalar(result.get(1)), 1e-6, "r_t at D update " + update);
          }
        }
      }
    }
    assertEquals(1, expectedP, "the run reaches the upper clamp");
  }

  @Test
  void eachImageIsAugmentedWithProbabilityP() {
    assertEquals(0, shareAugmented(0));
    assertEquals(1, shareAugmented(1));
    double half = shareAugmented(0.5);
    assertEquals(0.5, half, 4 * Math.sqrt(0.25 / 2000), "share augmented at p = 0.5");
  }

  /** Of 2000 images of ones, the share cutout changed, at probability {@code p}. */
  private double shareAugmented(double p) {
    try (var g = new org.tensorflow.Graph()) {
      var ops = org.tensorflow.op.Ops.create(g);
      AdaptiveAugmentation ada = new AdaptiveAugmentation(params(4, 500, p, true));
      float[] ones = new float[2000 * 8 * 8];
      Arrays.fill(ones, 1f);
      Operand<TFloat32> batch = ops.constant(Shape.of(2000, 8, 8, 1), DataBuffers.of(ones));
      Operand<TFloat32> out =
          ada.transform(
              new TransformContext(ops, batch, ops.constant(0f), "r0_real", new Seeds(3)));
      float[] values;
      try (Session session = new Session(g)) {
        session.initialize();
        values = values(session, out);
      }
      int changed = 0;
      for (int i = 0; i < 2000; i++) {
        boolean any = false;
        for (int j = 0; j < 64; j++) {
          any |= values[i * 64 + j] != 1f;
        }
        changed += any ? 1 : 0;
      }
      assertTrue(changed <= 2000);
      return changed / 2000.0;
    }
  }

  private static double scalar(org.tensorflow.Tensor t) {
    float[] v = new float[1];
    ((TFloat32) t).copyTo(DataBuffers.of(v, false, false));
    return v[0];
  }
}
