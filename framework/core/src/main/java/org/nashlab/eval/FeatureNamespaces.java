package org.nashlab.eval;

/**
 * Where feature metrics are logged: {@code eval/NAME} through a run's own feature network (tag
 * {@code nash.features}), {@code eval-FEATURES/NAME} through another one a re-evaluation used (tag
 * {@code nash.features/eval-FEATURES}), so that values of two networks never share a key.
 */
public final class FeatureNamespaces {
  /** The namespace of a run's own feature network. */
  public static final String OWN = "eval";

  /** The tag of the run's own network. */
  public static final String OWN_TAG = "nash.features";

  /** The prefix of the tag of another namespace's network: {@code nash.features/eval-FEATURES}. */
  public static final String OTHER_TAG = "nash.features/";

  private FeatureNamespaces() {}

  /** The namespace of feature network plugin {@code features} other than the run's own. */
  public static String other(String features) {
    return OWN + "-" + features;
  }

  /** The tag naming the network of {@code namespace}. */
  public static String tag(String namespace) {
    return namespace.equals(OWN) ? OWN_TAG : OTHER_TAG + namespace;
  }
}
