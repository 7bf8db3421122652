package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * A technique that adds terms to the networks' losses: gradient penalties, R1, weight decay, label
 * smoothing. Each term is also logged as {@code reg/NAME/d} or {@code reg/NAME/g}.
 */
public interface LossTerm extends Regularizer {
  Terms terms(PenaltyContext context);

  /**
   * What a technique adds to each loss, what it tracks worth logging, and what it updates.
   *
   * @param discriminator added to D's loss, if anything
   * @param generator added to G's loss, if anything
   * @param tracked scalars logged with the critic's as {@code reg/NAME/KEY/CRITIC} ({@code
   *     reg/ada/p/d}), such as ADA's augmentation probability or LeCam's anchors
   * @param updates ops that run with every update of the critic the context names (its {@code
   *     name}), such as ADA's adjustment of its probability: a term's own ops run only when D's
   *     gradient needs them
   */
  record Terms(
      Optional<Operand<TFloat32>> discriminator,
      Optional<Operand<TFloat32>> generator,
      Map<String, Operand<TFloat32>> tracked,
      List<Op> updates) {
    public Terms {
      requireNonNull(discriminator, "discriminator");
      requireNonNull(generator, "generator");
      tracked = Map.copyOf(tracked);
      updates = List.copyOf(updates);
    }

    /** Terms that track and update nothing. */
    public Terms(Optional<Operand<TFloat32>> discriminator, Optional<Operand<TFloat32>> generator) {
      this(discriminator, generator, Map.of(), List.of());
    }

    public static Terms discriminator(Operand<TFloat32> term) {
      return new Terms(Optional.of(term), Optional.empty());
    }

    public static Terms generator(Operand<TFloat32> term) {
      return new Terms(Optional.empty(), Optional.of(term));
    }

    /** No loss term: only what a technique tracks and updates. */
    public static Terms none() {
      return new Terms(Optional.empty(), Optional.empty());
    }

    /** These terms, also logging {@code tracked}. */
    public Terms tracking(Map<String, Operand<TFloat32>> tracked) {
      return new Terms(discriminator, generator, tracked, updates);
    }

    /** These terms, also running {@code updates} with each of the critic's updates. */
    public Terms updating(List<Op> updates) {
      return new Terms(discriminator, generator, tracked, updates);
    }
  }
}
