package org.nashlab.api;

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
   * What a technique adds to each loss.
   *
   * @param discriminator added to D's loss, if anything
   * @param generator added to G's loss, if anything
   */
  record Terms(Optional<Operand<TFloat32>> discriminator, Optional<Operand<TFloat32>> generator) {
    public static Terms discriminator(Operand<TFloat32> term) {
      return new Terms(Optional.of(term), Optional.empty());
    }

    public static Terms generator(Operand<TFloat32> term) {
      return new Terms(Optional.empty(), Optional.of(term));
    }
  }
}
