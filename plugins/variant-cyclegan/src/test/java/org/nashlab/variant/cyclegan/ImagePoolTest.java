package org.nashlab.variant.cyclegan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nashlab.nn.Seeds;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The image pool against the authors' ImagePool, simulated in plain Java from what it returns. */
class ImagePoolTest {
  private static final int SIZE = 6;
  private static final int BATCH = 3;

  /** A pool of one-pixel images in its own graph, queried with a fed batch. */
  private record Pool(Placeholder<TFloat32> fresh, ImagePool.Query query, List<Op> update) {
    static Pool in(Graph graph) {
      Ops tf = Ops.create(graph);
      var fresh = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(BATCH, 1, 1, 1)));
      ImagePool.Query query =
          new ImagePool(tf, "pool", SIZE, BATCH, Shape.of(1, 1, 1), new Seeds(3)).query(fresh);
      // As D's update does, the pool's update waits for what D saw.
      return new Pool(fresh, query, query.after(tf.identity(query.seen())));
    }

    /** What D sees for the batch {@code in}; the pool is updated after. */
    float[] seen(Session session, float[] in) {
      try (TFloat32 feed =
          TFloat32.tensorOf(Shape.of(BATCH, 1, 1, 1), DataBuffers.of(in, true, false))) {
        Session.Runner runner = session.runner().feed(fresh, feed).fetch(query.seen());
        update.forEach(runner::addTarget);
        try (var result = runner.run()) {
          float[] out = new float[BATCH];
          ((TFloat32) result.get(0)).copyTo(DataBuffers.of(out, false, false));
          return out;
        }
      }
    }
  }

  @Test
  void fillsFirstThenSwapsHalfTheImagesWithStoredOnesAndKeepsWhatItSwappedIn() {
    try (Graph graph = new Graph()) {
      Pool pool = Pool.in(graph);
      try (Session session = new Session(graph)) {
        session.initialize();
        // The pool as a multiset of what went in and did not come out again.
        Map<Float, Integer> stored = new HashMap<>();
        int swapped = 0;
        int judged = 0;
        for (int run = 0; run < 200; run++) {
          float[] in = new float[BATCH];
          for (int i = 0; i < BATCH; i++) {
            in[i] = run * 10 + i + 1;
          }
          float[] seen = pool.seen(session, in);
          boolean filling = run < SIZE / BATCH;
          for (int i = 0; i < BATCH; i++) {
            if (filling) {
              assertEquals(in[i], seen[i], "while the pool fills, every image passes through");
              stored.merge(in[i], 1, Integer::sum);
            } else if (seen[i] != in[i]) {
              assertTrue(stored.getOrDefault(seen[i], 0) > 0, "a swapped image was stored");
              stored.merge(seen[i], -1, Integer::sum);
              stored.merge(in[i], 1, Integer::sum);
              swapped++;
              judged++;
            } else {
              judged++;
            }
          }
          assertEquals(
              Math.min((run + 1) * BATCH, SIZE),
              stored.values().stream().mapToInt(Integer::intValue).sum());
        }
        // Each image swaps with probability 1/2: 594 trials, 5 standard deviations either side.
        double sd = Math.sqrt(judged * 0.25);
        assertTrue(Math.abs(swapped - judged / 2.0) < 5 * sd, swapped + " of " + judged);
      }
    }
  }

  @Test
  void theSameSeedSwapsTheSameWayInANewSession() {
    assertArrayEquals(swaps(), swaps());
  }

  private static float[] swaps() {
    try (Graph graph = new Graph()) {
      Pool pool = Pool.in(graph);
      List<Float> seen = new ArrayList<>();
      try (Session session = new Session(graph)) {
        session.initialize();
        for (int run = 0; run < 10; run++) {
          for (float v :
              pool.seen(session, new float[] {run * 10 + 1, run * 10 + 2, run * 10 + 3})) {
            seen.add(v);
          }
        }
      }
      float[] all = new float[seen.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = seen.get(i);
      }
      return all;
    }
  }
}
