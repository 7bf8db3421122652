package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * What a variant trains: named updates, the {@link Schedule} that runs them, and what Nash shows
 * and evaluates. Build one with the parts of a {@link VariantContext}; {@link TwoPlayer} builds the
 * standard and the conditional two-player programs this way.
 *
 * @param updates the updates by name, for example {@code discriminator} and {@code generator}
 * @param schedule decides each step which updates run
 * @param samples generated samples, shaped like the data of {@link #imitates()}: what sample
 *     pictures show (unless {@code grid} is given) and what the metrics evaluate. Nash feeds the
 *     program's inputs for them: fixed latents, labels {@code 0, 1, ...}, and fixed real batches
 * @param imitates the data stream the samples are compared with ({@code real} for one dataset)
 * @param grid the picture logged as {@code samples/step-N.png}, when the program draws its own
 * @param probes scalars Nash evaluates with the metrics, on the same inputs as the samples, and
 *     logs as {@code eval/KEY} (their mean over the evaluation's batches)
 */
public record TrainingProgram(
    List<Update> updates,
    Schedule schedule,
    Operand<TFloat32> samples,
    String imitates,
    Optional<SampleGrid> grid,
    Map<String, Operand<TFloat32>> probes) {
  public TrainingProgram {
    updates = List.copyOf(updates);
    requireNonNull(schedule, "schedule");
    requireNonNull(samples, "samples");
    requireNonNull(imitates, "imitates");
    requireNonNull(grid, "grid");
    probes = Map.copyOf(probes);
    for (int i = 0; i < updates.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (updates.get(i).name().equals(updates.get(j).name())) {
          throw new IllegalArgumentException(
              "two updates are named '" + updates.get(i).name() + "'");
        }
      }
    }
  }

  /** A program whose samples imitate the one dataset, pictured by Nash, with no probes. */
  public TrainingProgram(List<Update> updates, Schedule schedule, Operand<TFloat32> samples) {
    this(updates, schedule, samples, VariantContext.REAL, Optional.empty(), Map.of());
  }

  /** The update with this name. */
  public Update update(String name) {
    return updates.stream()
        .filter(u -> u.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no update named '"
                        + name
                        + "'; the program has "
                        + updates.stream().map(Update::name).toList()));
  }

  /**
   * One update: a train op and the scalars worth logging when it runs.
   *
   * @param name the update's name
   * @param train the op that applies one optimizer step
   * @param scalars metric key to scalar, for example {@code loss/d}
   */
  public record Update(String name, Op train, Map<String, Operand<TFloat32>> scalars) {
    public Update {
      requireNonNull(name, "name");
      requireNonNull(train, "train");
      scalars = Map.copyOf(scalars);
    }
  }

  /**
   * A picture of the program's own making, such as inputs beside their translations.
   *
   * @param images {@code [rows * columns, height, width, channels]} in [-1, 1], row after row, each
   *     image shaped like a sample of the stream the program's samples imitate
   * @param rows how many rows Nash feeds inputs for
   * @param columns images per row
   */
  public record SampleGrid(Operand<TFloat32> images, int rows, int columns) {
    public SampleGrid {
      requireNonNull(images, "images");
      if (rows < 1 || columns < 1) {
        throw new IllegalArgumentException("rows and columns must be >= 1");
      }
    }
  }
}
