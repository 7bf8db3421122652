package org.nashlab.variant.stylegan2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.nashlab.api.Step;

/** Which updates the lazy schedule runs, and the rows it feeds them, step by step. */
class LazyScheduleTest {
  /** A step that records the updates run and the rows fed before each. */
  private static final class Recorded implements Step {
    private final long number;
    private final List<String> runs;
    private final Map<String, Float> fed = new java.util.HashMap<>();

    Recorded(long number, List<String> runs) {
      this.number = number;
      this.runs = runs;
    }

    @Override
    public long number() {
      return number;
    }

    @Override
    public long steps() {
      return 64;
    }

    @Override
    public boolean logging() {
      return false;
    }

    @Override
    public void draw() {}

    @Override
    public void feed(String scalar, float value) {
      fed.put(scalar, value);
    }

    @Override
    public void run(String update, boolean fetch) {
      String rows =
          update.startsWith("generator")
              ? "pl=" + fed.get(LazySchedule.PL_ROWS)
              : "r1=" + fed.get(LazySchedule.R1_ROWS);
      runs.add(number + ":" + update + ":" + rows);
    }

    @Override
    public Map<String, Float> measure(String update) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void log(String key, float value) {}
  }

  private static List<String> run(LazySchedule schedule, long steps) {
    List<String> runs = new ArrayList<>();
    for (long n = 1; n <= steps; n++) {
      schedule.step(new Recorded(n, runs));
    }
    return runs;
  }

  @Test
  void r1RunsOnExactlyEverySixteenthStepWithTheWholeBatch() {
    List<String> runs = run(new LazySchedule(4, 16, 16, 32), 64);
    List<Long> r1Steps =
        runs.stream()
            .filter(r -> r.contains(":" + LazySchedule.DISCRIMINATOR_R1 + ":"))
            .map(r -> Long.parseLong(r.substring(0, r.indexOf(':'))))
            .toList();
    assertEquals(List.of(16L, 32L, 48L, 64L), r1Steps);
    for (long n : LongStream.rangeClosed(1, 64).toArray()) {
      String expected =
          n % 16 == 0
              ? n + ":" + LazySchedule.DISCRIMINATOR_R1 + ":r1=32.0"
              : n + ":" + LazySchedule.DISCRIMINATOR + ":r1=0.0";
      assertEquals(expected, runs.get((int) (2 * n - 1)), "D's run at step " + n);
    }
  }

  @Test
  void pathLengthRunsOnEveryFourthStepWithItsShrunkBatchBeforeD() {
    List<String> runs = run(new LazySchedule(4, 16, 16, 32), 12);
    assertEquals(
        List.of(
            "1:generator:pl=0.0",
            "2:generator:pl=0.0",
            "3:generator:pl=0.0",
            "4:generator-path-length:pl=16.0",
            "8:generator-path-length:pl=16.0",
            "12:generator-path-length:pl=16.0"),
        runs.stream()
            .filter(r -> r.contains(":generator"))
            .filter(
                r ->
                    r.startsWith("1:")
                        || r.startsWith("2:")
                        || r.startsWith("3:")
                        || r.contains("path"))
            .toList());
    assertEquals("4:generator-path-length:pl=16.0", runs.get(6));
    assertEquals("4:discriminator:r1=0.0", runs.get(7));
  }

  @Test
  void anIntervalOfOneRegularisesEveryStepAndZeroNever() {
    List<String> runs = run(new LazySchedule(0, 16, 1, 32), 5);
    for (int n = 1; n <= 5; n++) {
      assertEquals(n + ":generator:pl=0.0", runs.get(2 * n - 2));
      assertEquals(n + ":discriminator-r1:r1=32.0", runs.get(2 * n - 1));
    }
  }
}
