package org.nashlab.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.nashlab.api.PluginSpec;

/**
 * A plugin an experiment picked, with its bound parameters.
 *
 * @param key where in the experiment it was chosen, for example {@code optimizers.generator}
 * @param spec the registered plugin
 * @param params its parameters, when it takes any
 */
public record PluginChoice(String key, PluginSpec spec, Optional<Record> params) {
  public PluginChoice {
    requireNonNull(key, "key");
    requireNonNull(spec, "spec");
    requireNonNull(params, "params");
  }
}
