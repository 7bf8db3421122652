package org.nashlab.datasets;

import static org.nashlab.api.ParamChecks.positive;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.SampleFormat;
import org.tensorflow.ndarray.Shape;

/**
 * A folder of PNG or JPEG images, each centre-cropped to a square and resized. Subfolders are
 * classes, in name order; images directly in the folder form a single class.
 */
@Doc("PNG/JPEG images from a folder (subfolders as classes), centre-cropped and resized")
public final class ImageFolderDataset implements Dataset {
  public record Params(
      @Doc("the folder of images") String path,
      @Doc("side of the square images after resizing, at most 4096") @Default("32") int size,
      @Doc("read as one grey channel instead of RGB") @Default("false") boolean grayscale) {
    public Params {
      positive(size, "size");
      if (size > MAX_SIZE) {
        throw new IllegalArgumentException("size must be <= " + MAX_SIZE + ", got " + size);
      }
    }
  }

  /** The largest side after resizing; {@code size x size x 3} then fits an int. */
  static final int MAX_SIZE = 4096;

  /**
   * The most pixels an image may have before resizing, 8192 x 8192: bounds the decoder's memory.
   */
  static final long MAX_PIXELS = 1L << 26;

  private final Params params;

  public ImageFolderDataset(Params params) {
    this.params = params;
  }

  @Override
  public List<String> problems() {
    return PathParameter.folderProblems("path", params.path(), folder -> List.of());
  }

  @Override
  public Optional<SampleFormat> format() {
    return Optional.of(
        SampleFormat.labelled(params.size(), params.size(), params.grayscale() ? 1 : 3));
  }

  @Override
  public DataSource open(DatasetContext context) {
    Path root = Path.of(params.path());
    if (!Files.isDirectory(root)) {
      throw new EnvironmentException("dataset.path " + root + " is not a folder of images");
    }
    List<Path> classFolders = subfolders(root);
    if (classFolders.isEmpty()) {
      classFolders = List.of(root);
    }
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int c = 0; c < classFolders.size(); c++) {
      List<Path> images = images(classFolders.get(c));
      if (images.isEmpty()) {
        throw new EnvironmentException(
            classFolders.get(c)
                + " holds no .png, .jpg or .jpeg images"
                + (classFolders.get(c).equals(root)
                    ? ""
                    : "; each subfolder of " + root + " is a class: add images or remove it"));
      }
      for (Path image : images) {
        files.add(image);
        labels.add(c);
      }
    }
    int channels = params.grayscale() ? 1 : 3;
    int perImage = params.size() * params.size() * channels;
    if ((long) files.size() * perImage > ImageSet.MAX_ARRAY) {
      throw new EnvironmentException(
          root
              + " holds "
              + files.size()
              + " images, too many to hold at size "
              + params.size()
              + " in one array of at most "
              + ImageSet.MAX_ARRAY
              + " values: lower dataset.size or use fewer images");
    }
    float[] pixels = new float[files.size() * perImage];
    for (int i = 0; i < files.size(); i++) {
      write(square(read(files.get(i)), params.size()), pixels, i * perImage, channels);
    }
    return new ImageSet(
        pixels,
        labels.stream().mapToInt(Integer::intValue).toArray(),
        Shape.of(params.size(), params.size(), channels),
        classFolders.size());
  }

  private static List<Path> subfolders(Path root) {
    try (Stream<Path> entries = Files.list(root)) {
      return entries.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new EnvironmentException("cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> images(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(
              f -> f.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new EnvironmentException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Decodes {@code file}, once its header says it is small enough to decode. */
  private static BufferedImage read(Path file) {
    ImageInputStream in;
    try {
      in = new FileImageInputStream(file.toFile());
    } catch (IOException e) {
      throw BadFile.unreadable(file, e);
    }
    try (in) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw corrupt(file, "the file is not an image of a format Java decodes");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw corrupt(
              file,
              "the header says "
                  + reader.getWidth(0)
                  + " x "
                  + reader.getHeight(0)
                  + " pixels, more than the "
                  + MAX_PIXELS
                  + " an image may have; the image is too large or its header corrupt");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (EnvironmentException e) {
      throw e;
    } catch (IOException e) {
      throw corrupt(file, "the image cannot be decoded (" + BadFile.reason(e) + ")");
    } catch (RuntimeException e) {
      // Java's decoders throw unchecked exceptions too on malformed data (array bounds, ...).
      throw corrupt(file, "the image cannot be decoded (" + e + ")");
    }
  }

  private static EnvironmentException corrupt(Path file, String problem) {
    return BadFile.corrupt(
        file, problem, "Replace it with a PNG or an RGB JPEG of at most 8192 x 8192 pixels");
  }

  /** The largest centred square, resized bilinearly to {@code size}. */
  static BufferedImage square(BufferedImage image, int size) {
    int side = Math.min(image.getWidth(), image.getHeight());
    int x = (image.getWidth() - side) / 2;
    int y = (image.getHeight() - side) / 2;
    BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(image, 0, 0, size, size, x, y, x + side, y + side, null);
    g.dispose();
    return out;
  }

  private static void write(BufferedImage image, float[] pixels, int offset, int channels) {
    int size = image.getWidth();
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int at = offset + (y * size + x) * channels;
        if (channels == 1) {
          pixels[at] = ImageSet.scale(Math.round(0.299f * r + 0.587f * g + 0.114f * b));
        } else {
          pixels[at] = ImageSet.scale(r);
          pixels[at + 1] = ImageSet.scale(g);
          pixels[at + 2] = ImageSet.scale(b);
        }
      }
    }
  }
}
