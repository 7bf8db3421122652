package org.nashlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Each layer against a reference computed here in plain Java. */
class LayersTest extends GraphTest {
  /** SAME-padded strided convolution, NHWC, kernel [k, k, in, out], as TensorFlow defines it. */
  private static float[] convolve(
      float[] x, int h, int w, int cin, float[] kernel, int k, int cout, int stride) {
    int oh = (h + stride - 1) / stride;
    int ow = (w + stride - 1) / stride;
    int padTop = Math.max((oh - 1) * stride + k - h, 0) / 2;
    int padLeft = Math.max((ow - 1) * stride + k - w, 0) / 2;
    float[] y = new float[oh * ow * cout];
    for (int i = 0; i < oh; i++) {
      for (int j = 0; j < ow; j++) {
        for (int o = 0; o < cout; o++) {
          double sum = 0;
          for (int di = 0; di < k; di++) {
            for (int dj = 0; dj < k; dj++) {
              int yi = i * stride + di - padTop;
              int xj = j * stride + dj - padLeft;
              if (yi < 0 || yi >= h || xj < 0 || xj >= w) {
                continue;
              }
              for (int c = 0; c < cin; c++) {
                sum += x[(yi * w + xj) * cin + c] * kernel[((di * k + dj) * cin + c) * cout + o];
              }
            }
          }
          y[(i * ow + j) * cout + o] = (float) sum;
        }
      }
    }
    return y;
  }

  private float[] initialValues(Initializer init, Shape shape) {
    return run(init.initialValue(tf, shape, seeds))[0];
  }

  private static double std(float[] values) {
    double mean = 0;
    for (float v : values) {
      mean += v / (double) values.length;
    }
    double var = 0;
    for (float v : values) {
      var += (v - mean) * (v - mean) / values.length;
    }
    return Math.sqrt(var);
  }

  @Test
  void initialisersHaveTheirPapersSpread() {
    // Glorot & Bengio 2010: U(-a, a), a = sqrt(6 / (fan_in + fan_out)), std a / sqrt(3).
    float[] glorot = initialValues(Initializer.glorotUniform(), Shape.of(300, 200));
    double limit = Math.sqrt(6.0 / 500);
    for (float v : glorot) {
      assertTrue(Math.abs(v) <= limit);
    }
    assertEquals(limit / Math.sqrt(3), std(glorot), 0.02 * limit);
    // He et al. 2015: N(0, 2 / fan_in), fan_in of a [5, 5, 16, 32] kernel is 400.
    assertEquals(
        Math.sqrt(2.0 / 400),
        std(initialValues(Initializer.heNormal(), Shape.of(5, 5, 16, 32))),
        0.002);
    // DCGAN: N(0, 0.02).
    assertEquals(0.02, std(initialValues(Initializer.normal(0.02f), Shape.of(200, 200))), 0.0005);
  }

  @Test
  void conv2dMatchesADirectSamePaddedStridedConvolution() {
    float[] x = random(5 * 5 * 2, 1);
    float[] kernel = random(3 * 3 * 2 * 3, 2);
    Conv2D conv = new Conv2D(tf, "c", 2, 3, 3, 2, fixed(kernel), seeds);
    float[] got = run(conv.apply(constant(x, 1, 5, 5, 2), Mode.TRAINING))[0];
    assertArrayEquals(convolve(x, 5, 5, 2, kernel, 3, 3, 2), got, 1e-4f);
  }

  @Test
  void transposedConvolutionIsTheAdjointOfConvolution() {
    // <conv(x), y> = <x, conv_transpose(y)> for the same kernel.
    float[] kernel = random(5 * 5 * 2 * 3, 3);
    float[] x = random(6 * 6 * 2, 4);
    float[] y = random(3 * 3 * 3, 5);
    Conv2D conv = new Conv2D(tf, "c", 2, 3, 5, 2, fixed(kernel), seeds);
    Conv2DTranspose transpose = new Conv2DTranspose(tf, "t", 3, 2, 5, 2, fixed(kernel), seeds);
    Operand<TFloat32> convX = conv.apply(constant(x, 1, 6, 6, 2), Mode.TRAINING);
    Operand<TFloat32> transposeY = transpose.apply(constant(y, 1, 3, 3, 3), Mode.TRAINING);
    float[][] got = run(convX, transposeY);
    assertEquals(6 * 6 * 2, got[1].length);
    double left = 0;
    for (int i = 0; i < y.length; i++) {
      left += got[0][i] * y[i];
    }
    double right = 0;
    for (int i = 0; i < x.length; i++) {
      right += x[i] * got[1][i];
    }
    assertEquals(left, right, 1e-4 * Math.abs(left));
  }

  @ParameterizedTest(name = "fused kernel: {0}")
  @ValueSource(booleans = {false, true})
  void batchNormUsesBatchStatisticsInTrainingAndMovingAveragesInInference(boolean fused) {
    if (fused) {
      FirstOrderGraphs.declare(graph);
    }
    int n = 6;
    float[] x = random(n * 2, 6);
    BatchNorm norm = new BatchNorm(tf, "bn", 2, 0.9f, 1e-5f);
    Operand<TFloat32> input = constant(x, n, 2);
    Operand<TFloat32> training = norm.apply(input, Mode.TRAINING);
    Operand<TFloat32> inference = norm.apply(input, Mode.INFERENCE);
    assertEquals(2, norm.updates().size());
    float[] trained = run(training)[0];
    float[] inferred = run(norm.updates(), inference)[0];
    for (int c = 0; c < 2; c++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += x[i * 2 + c] / n;
      }
      double biased = 0;
      for (int i = 0; i < n; i++) {
        biased += Math.pow(x[i * 2 + c] - mean, 2) / n;
      }
      double unbiased = biased * n / (n - 1);
      double movingMean = 0.1 * mean;
      double movingVariance = 0.9 + 0.1 * unbiased;
      for (int i = 0; i < n; i++) {
        assertEquals((x[i * 2 + c] - mean) / Math.sqrt(biased + 1e-5), trained[i * 2 + c], 1e-4);
        assertEquals(
            (x[i * 2 + c] - movingMean) / Math.sqrt(movingVariance + 1e-5),
            inferred[i * 2 + c],
            1e-4);
      }
    }
  }

  @ParameterizedTest(name = "fused kernel: {0}")
  @ValueSource(booleans = {false, true})
  void batchNormOfImagesNormalisesEachChannelOverTheBatchAndThePixels(boolean fused) {
    if (fused) {
      FirstOrderGraphs.declare(graph);
    }
    // x[s][h][w][c] is x[(s * 4 + p) * 3 + c] for the pixel p = 2h + w: 8 values per channel.
    float[] x = random(2 * 2 * 2 * 3, 13);
    BatchNorm norm = new BatchNorm(tf, "bn", 3, 0.8f, 1e-3f);
    Operand<TFloat32> training = norm.apply(constant(x, 2, 2, 2, 3), Mode.TRAINING);
    float[][] got = run(List.of(), training, graph.operation("bn_moving_variance").output(0));
    float[] updatedVariance =
        run(norm.updates(), graph.<TFloat32>operation("bn_moving_variance").output(0))[0];
    for (int c = 0; c < 3; c++) {
      double mean = 0;
      for (int i = 0; i < 8; i++) {
        mean += x[i * 3 + c] / 8;
      }
      double biased = 0;
      for (int i = 0; i < 8; i++) {
        biased += Math.pow(x[i * 3 + c] - mean, 2) / 8;
      }
      for (int i = 0; i < 8; i++) {
        double normalised = (x[i * 3 + c] - mean) / Math.sqrt(biased + 1e-3);
        assertEquals(normalised, got[0][i * 3 + c], 1e-4);
      }
      assertEquals(1f, got[1][c], "the moving variance before an update");
      assertEquals(0.8 + 0.2 * biased * 8 / 7, updatedVariance[c], 1e-5);
    }
    for (String name : List.of("bn_gamma", "bn_beta", "bn_moving_mean", "bn_moving_variance")) {
      assertTrue(graph.operation(name) != null, name);
    }
  }

  @Test
  void layerNormNormalisesEachSampleOverItsFeatures() {
    float[] x = random(2 * 2 * 2 * 3, 7);
    float[] got = run(new LayerNorm(tf, "ln", 3).apply(constant(x, 2, 2, 2, 3), Mode.TRAINING))[0];
    for (int s = 0; s < 2; s++) {
      double mean = 0;
      for (int i = 0; i < 12; i++) {
        mean += x[s * 12 + i] / 12;
      }
      double var = 0;
      for (int i = 0; i < 12; i++) {
        var += Math.pow(x[s * 12 + i] - mean, 2) / 12;
      }
      for (int i = 0; i < 12; i++) {
        assertEquals((x[s * 12 + i] - mean) / Math.sqrt(var + 1e-5), got[s * 12 + i], 1e-4);
      }
    }
  }

  @Test
  void instanceNormNormalisesEachChannelOfEachImageOverItsPixels() {
    float[] x = random(2 * 2 * 2 * 3, 8);
    float[] got =
        run(new InstanceNorm(tf, "in", 3).apply(constant(x, 2, 2, 2, 3), Mode.TRAINING))[0];
    // x[s][h][w][c] is x[s * 12 + p * 3 + c] for the pixel p = 2h + w.
    for (int s = 0; s < 2; s++) {
      for (int c = 0; c < 3; c++) {
        double mean = 0;
        for (int p = 0; p < 4; p++) {
          mean += x[s * 12 + p * 3 + c] / 4;
        }
        double var = 0;
        for (int p = 0; p < 4; p++) {
          var += Math.pow(x[s * 12 + p * 3 + c] - mean, 2) / 4;
        }
        for (int p = 0; p < 4; p++) {
          int i = s * 12 + p * 3 + c;
          assertEquals((x[i] - mean) / Math.sqrt(var + 1e-5), got[i], 1e-4);
        }
      }
    }
  }

  @Test
  void dropoutKeepsTheExpectationAndIsOffInInference() {
    float[] ones = new float[20_000];
    java.util.Arrays.fill(ones, 1f);
    Dropout dropout = new Dropout(tf, "drop", 0.25f, seeds);
    float[][] got =
        run(
            dropout.apply(constant(ones, 20_000), Mode.TRAINING),
            dropout.apply(constant(ones, 20_000), Mode.INFERENCE));
    int zeros = 0;
    for (float v : got[0]) {
      assertTrue(v == 0f || Math.abs(v - 1 / 0.75f) < 1e-6, "value " + v);
      zeros += v == 0f ? 1 : 0;
    }
    assertEquals(0.25, zeros / 20_000.0, 0.015);
    assertArrayEquals(ones, got[1]);
  }

  @Test
  void dropoutDrawsAFreshMaskEachRunAndTheSameSequenceInANewSession() {
    float[] ones = new float[1000];
    java.util.Arrays.fill(ones, 1f);
    Operand<TFloat32> masked =
        new Dropout(tf, "drop", 0.5f, seeds).apply(constant(ones, 1000), Mode.TRAINING);
    float[][] first = new float[2][];
    float[][] again = new float[2][];
    for (float[][] into : new float[][][] {first, again}) {
      try (Session session = new Session(graph)) {
        session.initialize();
        for (int i = 0; i < 2; i++) {
          try (var result = session.runner().fetch(masked).run()) {
            into[i] = new float[1000];
            ((TFloat32) result.get(0)).copyTo(DataBuffers.of(into[i], false, false));
          }
        }
      }
    }
    assertTrue(!java.util.Arrays.equals(first[0], first[1]), "the mask repeated between runs");
    assertArrayEquals(first[0], again[0]);
    assertArrayEquals(first[1], again[1]);
  }

  @Test
  void maxoutTakesTheLargestPieceOfEachUnit() {
    float[] x = random(3 * 4, 8);
    float[] w = random(4 * 6, 9);
    float[] got =
        run(new Maxout(tf, "m", 4, 2, 3, fixed(w), seeds).apply(constant(x, 3, 4), Mode.TRAINING))[
            0];
    for (int s = 0; s < 3; s++) {
      for (int u = 0; u < 2; u++) {
        double best = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < 3; p++) {
          double z = 0;
          for (int i = 0; i < 4; i++) {
            z += x[s * 4 + i] * w[i * 6 + u * 3 + p];
          }
          best = Math.max(best, z);
        }
        assertEquals(best, got[s * 2 + u], 1e-4);
      }
    }
  }

  @Test
  void embeddingLooksUpRowsByClass() {
    float[] table = random(5 * 3, 10);
    Embedding embedding = new Embedding(tf, "e", 5, 3, fixed(table), seeds);
    Operand<TInt32> ids = tf.constant(new int[] {4, 0});
    float[] got = run(embedding.lookup(ids))[0];
    assertArrayEquals(
        new float[] {table[12], table[13], table[14], table[0], table[1], table[2]}, got);
  }

  @Test
  void gradientsThroughTheImageLayersMatchFiniteDifferences() {
    // d/dx of sum(tanh(LN(convT(IN(sigmoid(conv(x)))))) * r) against central differences; smooth
    // activations only, since a difference step can straddle a ReLU kink.
    float[] x = random(1 * 4 * 4 * 1, 11);
    float[] r = random(4 * 4 * 1, 12);
    var input =
        tf.withName("x")
            .placeholder(
                TFloat32.class, org.tensorflow.op.core.Placeholder.shape(Shape.of(1, 4, 4, 1)));
    Network net =
        new Sequential(
            List.of(
                new Conv2D(tf, "c", 1, 3, 3, 2, Initializer.normal(0.5f), seeds),
                Activation.sigmoid(tf),
                new InstanceNorm(tf, "in", 3),
                new Conv2DTranspose(tf, "t", 3, 1, 3, 2, Initializer.normal(0.5f), seeds),
                new LayerNorm(tf, "ln", 1),
                Activation.tanh(tf)));
    Operand<TFloat32> loss =
        tf.reduceSum(
            tf.math.mul(net.apply(input, Mode.TRAINING), constant(r, 1, 4, 4, 1)),
            tf.constant(new int[] {0, 1, 2, 3}));
    var grad =
        graph.addGradients(loss.asOutput(), new org.tensorflow.Output<?>[] {input.asOutput()})[0];
    try (Session session = new Session(graph)) {
      session.initialize();
      java.util.function.Function<float[], float[]> eval =
          values -> {
            try (TFloat32 feed = TFloat32.tensorOf(Shape.of(1, 4, 4, 1), DataBuffers.of(values));
                var result = session.runner().feed(input, feed).fetch(loss).fetch(grad).run()) {
              float[] g = new float[16];
              ((TFloat32) result.get(1)).copyTo(DataBuffers.of(g, false, false));
              float[] out = new float[17];
              out[0] = ((TFloat32) result.get(0)).getFloat();
              System.arraycopy(g, 0, out, 1, 16);
              return out;
            }
          };
      float[] analytic = eval.apply(x);
      double[] numeric = FiniteDifferences.central(v -> eval.apply(v)[0], x, 1e-2f);
      for (int i = 0; i < 16; i++) {
        assertEquals(
            numeric[i], analytic[i + 1], 2e-2 + 2e-2 * Math.abs(numeric[i]), "d/dx[" + i + "]");
      }
    }
  }

  @Test
  void minibatchStddevAppendsTheAverageStandardDeviationOverTheBatch() {
    int batch = 5;
    int features = 3;
    float[] x = random(batch * features, 11);
    float[] out =
        run(
            new MinibatchStddev(tf)
                .apply(tf.constant(Shape.of(batch, features), DataBuffers.of(x)), Mode.TRAINING))[
            0];
    double average = 0;
    for (int f = 0; f < features; f++) {
      double mean = 0;
      for (int b = 0; b < batch; b++) {
        mean += x[b * features + f] / (double) batch;
      }
      double variance = 0;
      for (int b = 0; b < batch; b++) {
        variance += Math.pow(x[b * features + f] - mean, 2) / batch;
      }
      average += Math.sqrt(variance + 1e-8) / features;
    }
    for (int b = 0; b < batch; b++) {
      for (int f = 0; f < features; f++) {
        assertEquals(x[b * features + f], out[b * (features + 1) + f], 0f);
      }
      assertEquals(average, out[b * (features + 1) + features], 1e-6);
    }
  }

  @Test
  void groupedMinibatchStddevTakesEachGroupOfStridedSamplesOnItsOwn() {
    // 8 images of 2 x 2 pixels and 3 channels in groups of 4: sample i is in group i mod 2.
    int batch = 8;
    int groups = 2;
    int features = 2 * 2 * 3;
    float[] x = random(batch * features, 12);
    float[] out =
        run(new MinibatchStddev(tf, 4).apply(constant(x, batch, 2, 2, 3), Mode.TRAINING))[0];
    for (int m = 0; m < groups; m++) {
      double average = 0;
      for (int f = 0; f < features; f++) {
        double mean = 0;
        for (int b = m; b < batch; b += groups) {
          mean += x[b * features + f] / 4.0;
        }
        double variance = 0;
        for (int b = m; b < batch; b += groups) {
          variance += Math.pow(x[b * features + f] - mean, 2) / 4.0;
        }
        average += Math.sqrt(variance + 1e-8) / features;
      }
      for (int b = m; b < batch; b += groups) {
        for (int p = 0; p < 4; p++) {
          for (int c = 0; c < 3; c++) {
            assertEquals(x[b * features + p * 3 + c], out[b * 16 + p * 4 + c], 0f);
          }
          assertEquals(average, out[b * 16 + p * 4 + 3], 1e-6, "sample " + b + " pixel " + p);
        }
      }
    }
  }
}
