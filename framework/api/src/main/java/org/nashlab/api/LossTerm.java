package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A technique that adds terms to the networks' losses: gradient penalties, R1, weight decay, label
 * smoothing. Each term is also logged as {@code reg/NAME/d} or {@code reg/NAME/g}.
 */
public interface LossTerm extends Regularizer {
  Terms terms(PenaltyContext context);

  /**
   * What a technique adds to each loss, and what it tracks worth logging.
   *
   * @param discriminator added to D's loss, if anything
   * @param generator added to G's loss, if anything
   * @param tracked scalars logged with the critic's as {@code reg/NAME/KEY/CRITIC} ({@code
   *     reg/ada/p/d}), such as ADA's augmentation probability or LeCam's anchors
   */
  record Terms(
      Optional<Operand<TFloat32>> discriminator,
      Optional<Operand<TFloat32>> generator,
      Map<String, Operand<TFloat32>> tracked) {
    public Terms {
      requireNonNull(discriminator, "discriminator");
      requireNonNull(generator, "generator");
      tracked = Map.copyOf(tracked);
    }

    /** Terms that track nothing. */
    public Terms(Optional<Operand<TFloat32>> discriminator, Optional<Operand<TFloat32>> generator) {
      this(discriminator, generator, Map.of());
    }

    public static Terms discriminator(Operand<TFloat32> term) {
      return new Terms(Optional.of(term), Optional.empty());
    }

    public static Terms generator(Operand<TFloat32> term) {
      return new Terms(Optional.empty(), Optional.of(term));
    }

    /** These terms, also logging {@code tracked}. */
    public Terms tracking(Map<String, Operand<TFloat32>> tracked) {
      return new Terms(discriminator, generator, tracked);
    }
  }
}
