package org.nashlab.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * Fashion-MNIST (Xiao et al. 2017): 70,000 28x28 grey images of 10 kinds of garment, in Zalando's
 * original IDX files. Debian's {@code dataset-fashion-mnist} installs them.
 */
@Doc("Fashion-MNIST, 28x28x1, 10 classes, from the original IDX files (Xiao et al. 2017)")
public final class FashionMnistDataset implements Dataset, Fetchable {
  static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");
  static final String PACKAGE = "dataset-fashion-mnist";

  public record Params(
      @Doc(
              "folder with the IDX files; empty looks in NASH_HOME/data/fashion-mnist, then "
                  + "/usr/share/datasets/fashion-mnist")
          @Default("")
          String path,
      @Doc("train (60,000 images) or test (10,000)") @Default("train") Split split,
      @Doc(
              "colour-invert every image (grey level 255 - p, that is -x in [-1, 1]): the B domain of"
                  + " the CycleGAN inversion pair")
          @Default("false")
          boolean invert) {}

  private final Params params;

  public FashionMnistDataset(Params params) {
    this.params = params;
  }

  private List<Path> candidates(DatasetContext context) {
    List<Path> folders = new ArrayList<>();
    if (!params.path().isBlank()) {
      folders.add(Path.of(params.path()));
    } else {
      folders.add(context.dataHome().resolve("fashion-mnist"));
      folders.add(DEBIAN);
    }
    return folders;
  }

  @Override
  public Optional<SampleFormat> format() {
    return Optional.of(SampleFormat.labelled(28, 28, 1));
  }

  @Override
  public DataSource open(DatasetContext context) {
    List<Path> folders = candidates(context);
    Path folder =
        IdxFolder.find(folders, params.split())
            .orElseThrow(
                () ->
                    new EnvironmentException(
                        "Fashion-MNIST is not in "
                            + folders
                            + ". Run: nash data fetch fashion-mnist"
                            + " (it installs the Debian package "
                            + PACKAGE
                            + "), or set"
                            + " dataset.path to a folder with the IDX files"));
    ImageSet images = IdxFolder.load(folder, params.split(), remedy(folder));
    return params.invert() ? images.inverted() : images;
  }

  @Override
  public List<String> problems() {
    return params.path().isBlank() ? List.of() : IdxFolder.problems(params.path(), params.split());
  }

  /** How to replace a corrupt file in {@code folder}. */
  private String remedy(Path folder) {
    if (!params.path().isBlank()) {
      return BadFile.REPLACE;
    }
    if (folder.equals(DEBIAN)) {
      return "Reinstall it: sudo apt-get install --reinstall " + PACKAGE;
    }
    return "Delete " + folder + " and run: nash data fetch fashion-mnist";
  }

  @Override
  public String fetch(DatasetContext context) {
    if (IdxFolder.find(candidates(context), params.split()).isPresent()) {
      return "Fashion-MNIST is already in "
          + IdxFolder.find(candidates(context), params.split()).get();
    }
    String instead = "Install it with: sudo apt-get install -y " + PACKAGE;
    if (!Commands.isRoot() || !Commands.available("apt-get")) {
      throw new EnvironmentException(
          "Fashion-MNIST comes from the Debian package " + PACKAGE + ". " + instead);
    }
    List<String> install = List.of("apt-get", "install", "-y", "-q", PACKAGE);
    try {
      Commands.run(install, Path.of("/"), instead);
    } catch (EnvironmentException staleLists) {
      // A fresh machine may have no package lists yet.
      Commands.run(List.of("apt-get", "update", "-q"), Path.of("/"), instead);
      Commands.run(install, Path.of("/"), instead);
    }
    return "Fashion-MNIST installed in " + DEBIAN;
  }
}
