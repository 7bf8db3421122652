package org.nashlab.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;
import org.nashlab.nn.Seeds;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** LeCam's anchors and term over four D updates, against the recurrence computed here. */
class LeCamTest extends CriticFixture {
  private static final float[][] REAL = {{1f, 3f}, {-2f, 0.5f}, {2f, 4f}, {0f, 1f}};
  private static final float[][] FAKE = {{-1f, 0f}, {0.5f, -3f}, {1f, 3f}, {-0.5f, 2.5f}};

  @Test
  void anchorsFollowTheLatestBatchUntilTheStartThenDecayAndTheTermCountsAfterIt() {
    double weight = 2;
    double decay = 0.5;
    Placeholder<TFloat32> real = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 1)));
    Placeholder<TFloat32> fake = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 1)));
    PenaltyContext context =
        new PenaltyContext(
            tf, null, null, real, fake, x -> x, null, List.of(), List.of(), new Seeds(1), "lc");
    LossTerm.Terms terms = new LeCam(new LeCam.Params(weight, decay, 2)).terms(context);
    var term = terms.discriminator().orElseThrow();
    var gradient = gradient(term, real);
    double realAnchor = 0;
    double fakeAnchor = 0;
    try (Session session = new Session(graph)) {
      session.initialize();
      for (int update = 1; update <= 4; update++) {
        float[] r = REAL[update - 1];
        float[] f = FAKE[update - 1];
        double d = update <= 2 ? 0 : decay;
        realAnchor = d * realAnchor + (1 - d) * (r[0] + r[1]) / 2;
        fakeAnchor = d * fakeAnchor + (1 - d) * (f[0] + f[1]) / 2;
        double expected = 0;
        if (update > 2) {
          for (int i = 0; i < 2; i++) {
            expected += Math.pow(Math.max(0, r[i] - fakeAnchor), 2) / 2;
            expected += Math.pow(Math.max(0, realAnchor - f[i]), 2) / 2;
          }
          expected *= weight;
        }
        try (TFloat32 rt = TFloat32.tensorOf(Shape.of(2, 1), DataBuffers.of(r));
            TFloat32 ft = TFloat32.tensorOf(Shape.of(2, 1), DataBuffers.of(f));
            var result =
                session.runner().feed(real, rt).feed(fake, ft).fetch(term).fetch(gradient).run()) {
          float[] value = new float[1];
          ((TFloat32) result.get(0)).copyTo(DataBuffers.of(value, false, false));
          assertEquals(expected, value[0], 1e-5, "D update " + update);
          // With the anchors held: weight * 2 relu(r_i - a_F) / n on each real logit.
          float[] slope = new float[2];
          ((TFloat32) result.get(1)).copyTo(DataBuffers.of(slope, false, false));
          for (int i = 0; i < 2; i++) {
            double expectedSlope = update > 2 ? weight * Math.max(0, r[i] - fakeAnchor) : 0;
            assertEquals(expectedSlope, slope[i], 1e-5, "gradient at D update " + update);
          }
        }
      }
    }
    // a_R after update 4: update 2 left the mean of (-2, 0.5), then two halvings toward 3 and 0.5.
    assertEquals(0.5 * (0.5 * -0.75 + 0.5 * 3) + 0.5 * 0.5, realAnchor, 1e-12);
  }
}
