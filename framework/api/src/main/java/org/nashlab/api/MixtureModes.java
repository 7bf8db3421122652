package org.nashlab.api;

import java.util.List;

/**
 * A capability of data sources that are mixtures of isotropic Gaussians: their modes and spread,
 * used to plot samples over the modes and to measure mode coverage.
 */
public interface MixtureModes {
  /** The centre of each mode. */
  List<double[]> modes();

  /** The standard deviation of every mode. */
  double std();
}
