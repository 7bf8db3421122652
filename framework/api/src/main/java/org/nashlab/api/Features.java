package org.nashlab.api;

/**
 * The network behind FID, KID, the Inception Score and precision/recall: it embeds samples into a
 * feature space and, when it is a classifier, gives class probabilities.
 *
 * <pre>{@code
 * try (FeatureNetwork network = features.open(context)) {
 *   Embedding e = network.embed(samples);
 * }
 * }</pre>
 *
 * Opening may be slow (a classifier is trained on first use and cached); embedding is a forward
 * pass.
 */
public interface Features {
  FeatureNetwork open(FeatureContext context);
}
