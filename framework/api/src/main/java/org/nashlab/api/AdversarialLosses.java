package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The two scalar objectives a loss produces, each minimised by its own network.
 *
 * @param discriminator the discriminator's loss
 * @param generator the generator's loss
 */
public record AdversarialLosses(Operand<TFloat32> discriminator, Operand<TFloat32> generator) {
  public AdversarialLosses {
    requireNonNull(discriminator, "discriminator");
    requireNonNull(generator, "generator");
  }
}
