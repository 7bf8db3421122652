package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class PackedBatchTest {
  @Test
  void imagesArePackedAlongTheChannelsSampleBySample() {
    int batch = 6;
    int degree = 3;
    float[] images = new float[batch * 2 * 2 * 3];
    for (int i = 0; i < images.length; i++) {
      images[i] = i;
    }
    try (Graph graph = new Graph();
        Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      var packed =
          PackedBatch.of(
              tf,
              tf.placeholderWithDefault(
                  tf.constant(Shape.of(batch, 2, 2, 3), DataBuffers.of(images)),
                  Shape.of(-1, 2, 2, 3)),
              degree);
      assertArrayEquals(new long[] {-1, 2, 2, 9}, packed.shape().asArray());
      try (var result = session.runner().fetch(packed).run()) {
        TFloat32 t = (TFloat32) result.get(0);
        assertEquals(Shape.of(2, 2, 2, 9), t.shape());
        // packed[g, y, x, k * 3 + c] is image g * 3 + k's pixel (y, x, c).
        for (int g = 0; g < 2; g++) {
          for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
              for (int k = 0; k < degree; k++) {
                for (int c = 0; c < 3; c++) {
                  int image = g * degree + k;
                  float expected = images[((image * 2 + y) * 2 + x) * 3 + c];
                  assertEquals(expected, t.getFloat(g, y, x, k * 3 + c));
                }
              }
            }
          }
        }
      }
    }
  }
}
