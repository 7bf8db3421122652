package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * What one training step can run: named updates and a sampler.
 *
 * @param updates the updates by name, for example {@code discriminator} and {@code generator}
 * @param samples generated samples for the latent batch, for sample plots and evaluation
 */
public record TrainingProgram(List<Update> updates, Operand<TFloat32> samples) {
  public TrainingProgram {
    updates = List.copyOf(updates);
    requireNonNull(samples, "samples");
  }

  /** The update with this name. */
  public Update update(String name) {
    return updates.stream()
        .filter(u -> u.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no update named '" + name + "'"));
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
}
