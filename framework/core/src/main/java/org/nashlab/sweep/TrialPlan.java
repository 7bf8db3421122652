package org.nashlab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trial of a sweep before it is validated: the factor values it takes and its seed.
 *
 * @param index its position in the expansion, from 0
 * @param factors factor key to value, in the sweep file's order
 * @param seed the training seed
 */
public record TrialPlan(int index, Map<String, Object> factors, long seed) {
  public TrialPlan {
    factors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(factors));
  }

  /** The experiment overrides that make this trial: one {@code key=value} per factor, the seed. */
  public List<String> overrides() {
    List<String> overrides = new ArrayList<>();
    factors.forEach((key, value) -> overrides.add(key + "=" + FactorValues.yaml(value)));
    overrides.add("training.seed=" + seed);
    return overrides;
  }

  /** Whether this trial takes every value {@code rule} names. */
  boolean matches(Map<String, Object> rule) {
    return rule.entrySet().stream()
        .allMatch(
            e ->
                factors.containsKey(e.getKey())
                    && FactorValues.yaml(factors.get(e.getKey()))
                        .equals(FactorValues.yaml(e.getValue())));
  }
}
