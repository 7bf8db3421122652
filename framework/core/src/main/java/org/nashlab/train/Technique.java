package org.nashlab.train;

import java.util.function.Supplier;
import org.nashlab.api.Regularizer;

/**
 * A regularizer as the experiment named it.
 *
 * @param name the plugin name, suffixed with its position when a technique appears twice, for
 *     scalar keys such as {@code reg/NAME/d}
 * @param position its index in {@code regularizers:}
 * @param regularizer the plugin
 */
record Technique(String name, int position, Regularizer regularizer) {
  /** A flat prefix unique to this technique, for the variables it creates. */
  String prefix() {
    return "reg" + position;
  }

  /** The experiment's section this technique comes from. */
  String section() {
    return "regularizers[" + position + "]";
  }

  /** Calls the plugin; a refusal ({@link IllegalArgumentException}) names its section. */
  <T> T call(Supplier<T> plugin) {
    return PluginFailure.of(section(), plugin);
  }
}
