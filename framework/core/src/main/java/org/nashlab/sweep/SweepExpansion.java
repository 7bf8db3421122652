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
    Iterator<TrialPlan> combinations = new Combinations(sweep);
    int[] kept = {0};
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(combinations, Spliterator.ORDERED), false)
        .filter(trial -> sweep.exclude().stream().noneMatch(trial::matches))
        .map(trial -> new TrialPlan(kept[0]++, trial.factors(), trial.seed()));
  }

  /**
   * Every combination in order, by an odometer over grid values, draws and seeds; numbered once
   * exclusions are applied. Draws are made as the odometer reaches them: the draw digit counts up
   * from 0 for each grid point, and the seeded stream restarts with it, so draw {@code i} is the
   * same at every grid point without all draws being held at once.
   */
  private static final class Combinations implements Iterator<TrialPlan> {
    private final SweepSpec sweep;
    private final List<String> keys;
    private final List<List<Object>> values;
    private final long draws;
    private final List<Long> seeds;
    private final long[] digits;
    private final long total;
    private long index;
    private SplittableRandom random;
    private Map<String, Object> draw = Map.of();
    private long drawn = -1;

    Combinations(SweepSpec sweep) {
      this.sweep = sweep;
      this.keys = new ArrayList<>(sweep.grid().keySet());
      this.values = new ArrayList<>(sweep.grid().values());
      this.draws = sweep.random().isEmpty() ? 1 : sweep.randomTrials();
      this.seeds = sweep.seeds();
      // Grid digits, then the draw, then the seed: the last digit turns fastest.
      this.digits = new long[keys.size() + 2];
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
        factors.put(keys.get(f), values.get(f).get((int) digits[f]));
      }
      factors.putAll(draw(digits[keys.size()]));
      index++;
      TrialPlan trial = new TrialPlan(0, factors, seeds.get((int) digits[keys.size() + 1]));
      advance();
      return trial;
    }

    /** Draw {@code i}: the next of the seeded stream, which restarts at draw 0. */
    private Map<String, Object> draw(long i) {
      if (sweep.random().isEmpty() || i == drawn) {
        return draw;
      }
      if (i == 0) {
        random = new SplittableRandom(sweep.randomSeed());
      }
      Map<String, Object> next = new LinkedHashMap<>();
      sweep.random().forEach((key, distribution) -> next.put(key, distribution.sample(random)));
      draw = next;
      drawn = i;
      return draw;
    }

    private void advance() {
      for (int d = digits.length - 1; d >= 0; d--) {
        if (++digits[d] < radix(d)) {
          return;
        }
        digits[d] = 0;
      }
    }

    private long radix(int digit) {
      if (digit < keys.size()) {
        return values.get(digit).size();
      }
      return digit == keys.size() ? draws : seeds.size();
    }
  }
}
