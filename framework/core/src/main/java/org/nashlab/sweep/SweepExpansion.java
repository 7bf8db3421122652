package org.nashlab.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A sweep's trials, always in the same order: grid points (the first factor varying slowest),
 * combined with each random draw, combined with each seed (innermost); excluded combinations left
 * out. Random draws come from the sweep's own {@code random.seed}, never from the clock.
 */
public final class SweepExpansion {
  private SweepExpansion() {}

  public static List<TrialPlan> expand(SweepSpec sweep) {
    List<Map<String, Object>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (var factor : sweep.grid().entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> point : points) {
        for (Object value : factor.getValue()) {
          Map<String, Object> extended = new LinkedHashMap<>(point);
          extended.put(factor.getKey(), value);
          next.add(extended);
        }
      }
      points = next;
    }
    List<Map<String, Object>> draws = draws(sweep);
    List<TrialPlan> trials = new ArrayList<>();
    for (Map<String, Object> point : points) {
      for (Map<String, Object> draw : draws) {
        Map<String, Object> factors = new LinkedHashMap<>(point);
        factors.putAll(draw);
        for (long seed : sweep.seeds()) {
          TrialPlan trial = new TrialPlan(trials.size(), factors, seed);
          if (sweep.exclude().stream().noneMatch(trial::matches)) {
            trials.add(trial);
          }
        }
      }
    }
    return trials;
  }

  private static List<Map<String, Object>> draws(SweepSpec sweep) {
    if (sweep.random().isEmpty()) {
      return List.of(Map.of());
    }
    SplittableRandom random = new SplittableRandom(sweep.randomSeed());
    List<Map<String, Object>> draws = new ArrayList<>();
    for (int i = 0; i < sweep.randomTrials(); i++) {
      Map<String, Object> draw = new LinkedHashMap<>();
      sweep.random().forEach((key, distribution) -> draw.put(key, distribution.sample(random)));
      draws.add(draw);
    }
    return draws;
  }
}
