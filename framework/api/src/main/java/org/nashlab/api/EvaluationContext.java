package org.nashlab.api;

import java.util.Optional;

/**
 * What a metric evaluates: the generator's samples from the fixed evaluation latent batch, real
 * samples from the dataset, both seen through the run's feature network, and the dataset's modes
 * when it is a mixture. Everything is computed once per evaluation and shared by all metrics; a
 * metric asking for {@code n} samples gets the first {@code n}.
 */
public interface EvaluationContext {
  /** The first {@code n} generated samples of this evaluation. */
  Samples generated(int n);

  /** {@code n} real samples, the same ones at every evaluation and in every run. */
  Samples real(int n);

  /** {@link #generated} through the feature network. */
  Embedding generatedFeatures(int n);

  /** {@link #real} through the feature network; cached on disk across runs. */
  Embedding realFeatures(int n);

  /**
   * The open data source the generated samples imitate, for metrics that use a capability of their
   * own datasets (an oracle's density, a held-out set): test for it with {@code instanceof}.
   */
  default DataSource data() {
    throw new UnsupportedOperationException("this evaluation context does not offer the data");
  }

  /** The modes of the dataset, when it is a mixture of Gaussians. */
  Optional<MixtureModes> modes();
}
