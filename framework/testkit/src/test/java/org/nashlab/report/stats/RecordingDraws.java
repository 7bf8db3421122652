package org.nashlab.report.stats;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Seeded draws that keep every resample's indices, to hand the same resamples to scipy. */
final class RecordingDraws implements Draws {
  private final Draws seeded;
  private final List<int[]> drawn = new ArrayList<>();

  RecordingDraws(long seed) {
    this.seeded = Draws.seeded(seed);
  }

  @Override
  public int[] indices(int n) {
    int[] indices = seeded.indices(n);
    drawn.add(indices.clone());
    return indices;
  }

  /** A bootstrap of {@code resamples} at 95% whose draws this records. */
  static Bootstrap bootstrap(int resamples, RecordingDraws draws) {
    return new Bootstrap(resamples, 0.95, draws);
  }

  /** One line per resample, in the order drawn. */
  void write(Path file) throws IOException {
    Files.writeString(
        file,
        drawn.stream()
            .map(
                row ->
                    Arrays.stream(row).mapToObj(Integer::toString).collect(Collectors.joining(" ")))
            .collect(Collectors.joining("\n", "", "\n")),
        UTF_8);
  }
}
