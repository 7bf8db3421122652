package org.nashlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepExpansionTest {
  private static SweepSpec sweep(
      Map<String, List<Object>> grid,
      Map<String, Distribution> random,
      int draws,
      List<Long> seeds,
      List<Map<String, Object>> exclude) {
    return new SweepSpec(
        "s",
        Path.of("s.yaml"),
        "",
        Path.of("e.yaml"),
        grid,
        random,
        draws,
        7,
        seeds,
        exclude,
        null,
        "loss/d",
        SweepLoader.DEFAULT_MAX_TRIALS,
        java.util.Optional.empty());
  }

  private static Map<String, List<Object>> grid() {
    Map<String, List<Object>> grid = new LinkedHashMap<>();
    grid.put("loss.name", List.of("minimax", "hinge"));
    Map<String, Object> r1 = new LinkedHashMap<>();
    r1.put("name", "r1");
    r1.put("gamma", 10);
    grid.put("regularizers", List.of(List.of(), List.of(r1)));
    return grid;
  }

  @Test
  void theGridIsACartesianProductWithTheFirstFactorSlowestAndSeedsInnermost() {
    List<TrialPlan> trials =
        SweepExpansion.stream(sweep(grid(), Map.of(), 0, List.of(1L, 2L), List.of())).toList();
    assertEquals(8, trials.size());
    assertEquals("minimax", trials.get(0).factors().get("loss.name"));
    assertEquals(List.of(), trials.get(0).factors().get("regularizers"));
    assertEquals(1L, trials.get(0).seed());
    assertEquals(2L, trials.get(1).seed());
    assertEquals("minimax", trials.get(2).factors().get("loss.name"));
    assertEquals("hinge", trials.get(4).factors().get("loss.name"));
    assertEquals(
        List.of("loss.name=minimax", "regularizers=[{name: r1, gamma: 10}]", "training.seed=1"),
        trials.get(2).overrides());
  }

  @Test
  void excludedCombinationsAreLeftOut() {
    List<TrialPlan> trials =
        SweepExpansion.stream(
                sweep(
                    grid(),
                    Map.of(),
                    0,
                    List.of(1L),
                    List.of(Map.of("loss.name", "hinge", "regularizers", List.of()))))
            .toList();
    assertEquals(3, trials.size());
    assertTrue(
        trials.stream()
            .noneMatch(
                t ->
                    t.factors().get("loss.name").equals("hinge")
                        && t.factors().get("regularizers").equals(List.of())));
  }

  @Test
  void randomDrawsAreReproducibleAndWithinTheirRanges() {
    Map<String, Distribution> random = new LinkedHashMap<>();
    random.put(
        "optimizers.discriminator.lr",
        Distribution.parse(Map.of("log-uniform", List.of(1.0e-5, 1.0e-3))));
    random.put("training.d-steps", Distribution.parse(Map.of("int", List.of(1, 5))));
    random.put("loss.name", Distribution.parse(Map.of("choice", List.of("hinge", "minimax"))));
    SweepSpec spec = sweep(new LinkedHashMap<>(), random, 50, List.of(1L), List.of());
    List<TrialPlan> first = SweepExpansion.stream(spec).toList();
    assertEquals(first, SweepExpansion.stream(spec).toList());
    assertEquals(50, first.size());
    for (TrialPlan t : first) {
      double lr = (Double) t.factors().get("optimizers.discriminator.lr");
      long steps = (Long) t.factors().get("training.d-steps");
      assertTrue(lr >= 1.0e-5 && lr < 1.0e-3, "lr " + lr);
      assertTrue(steps >= 1 && steps <= 5);
    }
    assertEquals(
        5, first.stream().map(t -> t.factors().get("training.d-steps")).distinct().count());
    // Log-uniform: about half the draws below the geometric middle 1e-4.
    long low =
        first.stream()
            .filter(t -> (Double) t.factors().get("optimizers.discriminator.lr") < 1e-4)
            .count();
    assertTrue(low > 12 && low < 38, "draws below 1e-4: " + low);
    assertNotEquals(first.get(0).factors(), first.get(1).factors());
  }

  @Test
  void badDistributionsSayWhatWasExpected() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Distribution.parse(Map.of("gaussian", List.of(0, 1))));
    assertTrue(e.getMessage().contains("'gaussian' is not a distribution"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Distribution.parse(Map.of("log-uniform", List.of(0, 1))));
    assertTrue(e.getMessage().contains("low > 0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Distribution.parse(Map.of("uniform", List.of(2, 1))));
    assertTrue(e.getMessage().contains("low < high"), e.getMessage());
  }

  @Test
  void drawIsTheSameAtEveryGridPointAndComesFromOneSeededStream() {
    Map<String, Distribution> random = new LinkedHashMap<>();
    random.put("optimizers.generator.lr", Distribution.parse(Map.of("uniform", List.of(0.0, 1.0))));
    List<TrialPlan> trials =
        SweepExpansion.stream(sweep(grid(), random, 3, List.of(1L, 2L), List.of())).toList();
    assertEquals(4 * 3 * 2, trials.size());
    java.util.SplittableRandom reference = new java.util.SplittableRandom(7);
    List<Object> draws = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      draws.add(random.get("optimizers.generator.lr").sample(reference));
    }
    for (int t = 0; t < trials.size(); t++) {
      TrialPlan trial = trials.get(t);
      assertEquals(t, trial.index());
      assertEquals(draws.get((t / 2) % 3), trial.factors().get("optimizers.generator.lr"));
      assertEquals(t % 2 == 0 ? 1L : 2L, trial.seed());
    }
    assertEquals(24, SweepExpansion.count(sweep(grid(), random, 3, List.of(1L, 2L), List.of())));
  }
}
