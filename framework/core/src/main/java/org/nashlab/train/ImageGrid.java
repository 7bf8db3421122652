package org.nashlab.train;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.tensorflow.ndarray.Shape;

/** Generated images in [-1, 1] laid out as a grid and encoded as PNG. */
final class ImageGrid {
  private static final int GAP = 2;

  private ImageGrid() {}

  /**
   * @param images {@code count} images of {@code shape} (height, width, 1 or 3 channels), HWC
   * @param columns images per row
   * @param zoom each pixel drawn as a {@code zoom x zoom} square
   */
  static byte[] png(float[] images, Shape shape, int count, int columns, int zoom) {
    return png(images, shape, count, columns, zoom, GAP);
  }

  /** One image of {@code shape} in [-1, 1] as PNG, pixel for pixel, without a border. */
  static byte[] single(float[] image, Shape shape) {
    return png(image, shape, 1, 1, 1, 0);
  }

  private static byte[] png(
      float[] images, Shape shape, int count, int columns, int zoom, int gap) {
    int h = (int) shape.get(0);
    int w = (int) shape.get(1);
    int c = (int) shape.get(2);
    int rows = (count + columns - 1) / columns;
    int cellW = w * zoom + gap;
    int cellH = h * zoom + gap;
    BufferedImage grid =
        new BufferedImage(columns * cellW + gap, rows * cellH + gap, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < count; i++) {
      int x0 = gap + (i % columns) * cellW;
      int y0 = gap + (i / columns) * cellH;
      int base = i * h * w * c;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int at = base + (y * w + x) * c;
          int r = level(images[at]);
          int g = c == 3 ? level(images[at + 1]) : r;
          int b = c == 3 ? level(images[at + 2]) : r;
          int rgb = (r << 16) | (g << 8) | b;
          for (int dy = 0; dy < zoom; dy++) {
            for (int dx = 0; dx < zoom; dx++) {
              grid.setRGB(x0 + x * zoom + dx, y0 + y * zoom + dy, rgb);
            }
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(grid, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the sample grid", e);
    }
    return out.toByteArray();
  }

  /** [-1, 1] to 0..255, clipped. */
  static int level(float value) {
    return Math.max(0, Math.min(255, Math.round((value + 1f) * 127.5f)));
  }
}
