package org.nashlab.variant.cyclegan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Both generators map images to images of the same shape in [-1, 1]; the critic scores patches. */
class TranslatorsTest {
  private static CycleGan.Params params(CycleGan.Generator generator) {
    return new CycleGan.Params(generator, 4, 2, 3, 4, 2, 10, 0, 0, false, CycleGan.Reference.NONE);
  }

  private static float[] run(Graph graph, Ops tf, Network network, Shape input, float[] values) {
    var output = network.apply(tf.constant(input, DataBuffers.of(values)), Mode.TRAINING);
    try (Session session = new Session(graph);
        var result = session.runner().fetch(output).run()) {
      session.initialize();
      TFloat32 tensor = (TFloat32) result.get(0);
      float[] out = new float[Math.toIntExact(tensor.shape().size())];
      tensor.copyTo(DataBuffers.of(out, false, false));
      return out;
    }
  }

  @Test
  void eachGeneratorKeepsTheImageShapeAndTheRange() {
    for (CycleGan.Generator generator : CycleGan.Generator.values()) {
      try (Graph graph = new Graph()) {
        Ops tf = Ops.create(graph);
        Shape image = Shape.of(28, 28, 1);
        Network g = Translators.generator(tf, "g", image, params(generator), new Seeds(1));
        var output = g.apply(tf.placeholder(TFloat32.class), Mode.INFERENCE);
        assertArrayEquals(
            new long[] {-1, 28, 28, 1}, output.shape().asArray(), generator + " static shape");
        float[] x = new float[2 * 28 * 28];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) Math.sin(i);
        }
        float[] y = run(graph, tf, g, Shape.of(2, 28, 28, 1), x);
        assertEquals(x.length, y.length, generator.toString());
        for (float v : y) {
          assertTrue(v >= -1 && v <= 1, generator + ": " + v);
        }
      }
    }
  }

  @Test
  void thePatchCriticGivesOneLogitPerPatch() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Network d =
          Translators.discriminator(tf, "d", 1, params(CycleGan.Generator.RESNET), new Seeds(1));
      // 28 -> 14 -> 7 with two stride-2 layers, kept at 7 by the last two.
      assertEquals(2 * 7 * 7, run(graph, tf, d, Shape.of(2, 28, 28, 1), new float[2 * 784]).length);
    }
  }
}
