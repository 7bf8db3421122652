package org.nashlab.sweep;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A sweep's trials, always in the same order: grid points (the first factor varying slowest),
 * combined with each random draw, combined with each seed (innermost); excluded combinations left
 * out. Random draws come from the sweep's own {@code random.seed}, never from the clock. Trials are
 * made one at a time as they are asked for, so a sweep's size is known ({@link #count}) before any
 * is made.
 */
public final class SweepExpansion {
  private SweepExpansion() {}

  /**
   * How many combinations the sweep names before exclusions: grid points times draws times seeds,
   * or {@link Long#MAX_VALUE} when that does not fit a long.
   */
  public static long count(SweepSpec sweep) {
    try {
      long count = sweep.seeds().size();
      for (List<Object> values : sweep.grid().values()) {
        count = Math.multiplyExact(count, values.size());
      }
      return sweep.random().isEmpty() ? count : Math.multiplyExact(count, sweep.randomTrials());
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  public static List<TrialPlan> expand(SweepSpec sweep) {
    return stream(sweep).toList();
  }

  /** The trials, made lazily. Call only after {@link #count} was found small enough. */
  public static Stream<TrialPlan> stream(SweepSpec sweep) {
    Iterator<TrialPlan> combinations = new Combinations(sweep, draws(sweep));
    int[] kept = {0};
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(combinations, Spliterator.ORDERED), false)
        .filter(trial -> sweep.exclude().stream().noneMatch(trial::matches))
        .map(trial -> new TrialPlan(kept[0]++, trial.factors(), trial.seed()));
  }

  /**
   * Every combination in order, by an odometer over grid values, draws and seeds; numbered once
   * exclusions are applied.
   */
  private static final class Combinations implements Iterator<TrialPlan> {
    private final List<String> keys;
    private final List<List<Object>> values;
    private final List<Map<String, Object>> draws;
    private final List<Long> seeds;
    private final int[] digits;
    private final long total;
    private long index;

    Combinations(SweepSpec sweep, List<Map<String, Object>> draws) {
      this.keys = new ArrayList<>(sweep.grid().keySet());
      this.values = new ArrayList<>(sweep.grid().values());
      this.draws = draws;
      this.seeds = sweep.seeds();
      // Grid digits, then the draw, then the seed: the last digit turns fastest.
      this.digits = new int[keys.size() + 2];
      this.total = count(sweep);
    }

    @Override
    public boolean hasNext() {
      return index < total;
    }

    @Override
    public TrialPlan next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Map<String, Object> factors = new LinkedHashMap<>();
      for (int f = 0; f < keys.size(); f++) {
        factors.put(keys.get(f), values.get(f).get(digits[f]));
      }
      factors.putAll(draws.get(digits[keys.size()]));
      index++;
      TrialPlan trial = new TrialPlan(0, factors, seeds.get(digits[keys.size() + 1]));
      advance();
      return trial;
    }

    private void advance() {
      for (int d = digits.length - 1; d >= 0; d--) {
        if (++digits[d] < radix(d)) {
          return;
        }
        digits[d] = 0;
      }
    }

    private int radix(int digit) {
      if (digit < keys.size()) {
        return values.get(digit).size();
      }
      return digit == keys.size() ? draws.size() : seeds.size();
    }
  }

  private static List<Map<String, Object>> draws(SweepSpec sweep) {
    if (sweep.random().isEmpty()) {
      return List.of(Map.of());
    }
    SplittableRandom random = new SplittableRandom(sweep.randomSeed());
    List<Map<String, Object>> draws = new ArrayList<>();
    for (long i = 0; i < sweep.randomTrials(); i++) {
      Map<String, Object> draw = new LinkedHashMap<>();
      sweep.random().forEach((key, distribution) -> draw.put(key, distribution.sample(random)));
      draws.add(draw);
    }
    return draws;
  }
}
