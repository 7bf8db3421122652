package org.nashlab.eval;

import org.nashlab.api.Samples;

/** The generator's samples for the first {@code n} rows of the fixed evaluation latent batch. */
@FunctionalInterface
public interface GeneratedSamples {
  Samples draw(int n);
}
