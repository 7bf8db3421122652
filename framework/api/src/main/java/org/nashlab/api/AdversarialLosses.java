package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The two scalar objectives a loss produces, each minimised by its own network, and any scalars
 * worth logging beside them (such as the critic's Wasserstein estimate).
 *
 * @param discriminator the discriminator's loss
 * @param generator the generator's loss
 * @param diagnostics metric key to scalar, logged with the discriminator's scalars
 */
public record AdversarialLosses(
    Operand<TFloat32> discriminator,
    Operand<TFloat32> generator,
    Map<String, Operand<TFloat32>> diagnostics) {
  public AdversarialLosses {
    requireNonNull(discriminator, "discriminator");
    requireNonNull(generator, "generator");
    diagnostics = Map.copyOf(diagnostics);
  }

  /** The two objectives without diagnostics. */
  public AdversarialLosses(Operand<TFloat32> discriminator, Operand<TFloat32> generator) {
    this(discriminator, generator, Map.of());
  }
}
