package org.nashlab.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.ParamChecks;

class ParameterBinderTest {
  enum Schedule {
    CONSTANT,
    LINEAR_DECAY
  }

  record Params(
      @Doc("learning rate") @Default("2.0e-4") double learningRate,
      @Doc("layers") @Default("2") int depth,
      @Doc("schedule") @Default("constant") Schedule schedule,
      @Doc("flag") @Default("false") boolean amsgrad) {
    Params {
      ParamChecks.positive(learningRate, "learning-rate");
      ParamChecks.positive(depth, "depth");
    }
  }

  @Test
  void bindsKebabCaseKeysAndFillsDefaults() {
    var binding =
        ParameterBinder.bind(Params.class, Map.of("depth", "3", "schedule", "linear-decay"));
    assertEquals(List.of(), binding.problems());
    assertEquals(
        new Params(2.0e-4, 3, Schedule.LINEAR_DECAY, false), binding.value().orElseThrow());
  }

  @Test
  void unknownKeySuggestsTheClosestParameter() {
    var binding = ParameterBinder.bind(Params.class, Map.of("depth", "3", "learning-rat", "0.1"));
    assertEquals(1, binding.problems().size());
    ParameterBinder.Problem problem = binding.problems().get(0);
    assertEquals("learning-rat", problem.key());
    assertTrue(
        problem.message().startsWith("is not a parameter; did you mean 'learning-rate'?"),
        problem.message());
    assertTrue(problem.message().contains("Parameters: learning-rate, depth, schedule, amsgrad"));
  }

  @Test
  void gathersEveryProblemAtOnce() {
    var binding =
        ParameterBinder.bind(
            Params.class,
            Map.of(
                "learning-rate", "fast", "depth", "deep", "schedule", "cosine", "amsgrad", "yes"));
    assertEquals(
        List.of(
            new ParameterBinder.Problem("learning-rate", "'fast' is not a finite number"),
            new ParameterBinder.Problem("depth", "'deep' is not a valid integer"),
            new ParameterBinder.Problem("schedule", "'cosine' is not one of constant|linear-decay"),
            new ParameterBinder.Problem("amsgrad", "'yes' is not one of true|false")),
        binding.problems());
  }

  @Test
  void rangeCheckInTheRecordNamesTheKey() {
    var binding = ParameterBinder.bind(Params.class, Map.of("depth", "2", "learning-rate", "-1"));
    assertEquals(
        List.of(new ParameterBinder.Problem("learning-rate", "must be > 0, got -1.0")),
        binding.problems());
  }

  @Test
  void everyRangeProblemIsFoundNotJustTheFirst() {
    var binding = ParameterBinder.bind(Params.class, Map.of("depth", "0", "learning-rate", "-1"));
    assertEquals(
        List.of(
            new ParameterBinder.Problem("learning-rate", "must be > 0, got -1.0"),
            new ParameterBinder.Problem("depth", "must be > 0, got 0")),
        binding.problems());
  }

  @Test
  void unbindGivesTheYamlView() {
    assertEquals(
        Map.of("learning-rate", 0.1, "depth", 2, "schedule", "linear-decay", "amsgrad", true),
        ParameterBinder.unbind(new Params(0.1, 2, Schedule.LINEAR_DECAY, true)));
  }
}
