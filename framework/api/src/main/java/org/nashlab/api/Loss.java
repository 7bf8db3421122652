package org.nashlab.api;

/**
 * An adversarial loss: the discriminator's and the generator's objectives from the critic's logits.
 */
public interface Loss {
  AdversarialLosses build(LossContext context);
}
