package org.nashlab.api;

/** An open feature network; owns native resources. */
public interface FeatureNetwork extends AutoCloseable {
  /**
   * Names the network and its provenance (for example {@code
   * trained-classifier/fashion-mnist-1a2b3c4d}); recorded with every metric computed from it, so
   * only numbers from the same network are compared.
   */
  String id();

  /**
   * Facts about the network worth keeping with the run, such as a trained classifier's held-out
   * accuracy; tagged {@code nash.features.KEY}.
   */
  default java.util.Map<String, String> provenance() {
    return java.util.Map.of();
  }

  /** Embeds samples shaped like the dataset's; images are in [-1, 1]. */
  Embedding embed(Samples samples);

  @Override
  void close();
}
