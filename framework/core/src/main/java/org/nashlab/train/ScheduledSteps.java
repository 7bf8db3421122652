package org.nashlab.train;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nashlab.api.Schedule;
import org.nashlab.api.Step;
import org.nashlab.api.TrainingProgram;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/**
 * Runs a program's training steps: hands each step to its {@link Schedule} as a {@link Step} on
 * this trial's session and inputs, and collects the scalars it fetches. Scalars are fetched only
 * when asked, so steps that do not log cost no copies out of TensorFlow.
 */
final class ScheduledSteps {
  private static final RunOptions FULL_TRACE =
      RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
  private final Session session;
  private final TrainingProgram program;
  private final ProgramInputs inputs;
  private final RandomStreams streams;
  private final long steps;
  private final Map<String, TrainingProgram.Update> updates = new HashMap<>();
  private final Map<String, List<String>> sortedScalarKeys = new HashMap<>();
  private Consumer<RunMetadata> tracer;

  ScheduledSteps(TrialSetup setup, long steps) {
    this.session = setup.session();
    this.program = setup.program();
    this.inputs = setup.graph().inputs();
    this.streams = setup.streams();
    this.steps = steps;
    for (TrainingProgram.Update update : program.updates()) {
      updates.put(update.name(), update);
      sortedScalarKeys.put(update.name(), update.scalars().keySet().stream().sorted().toList());
    }
  }

  /**
   * Runs step {@code number} (1-based); when {@code logging}, puts the scalars the schedule fetched
   * or logged in {@code into}.
   */
  void step(long number, boolean logging, Map<String, Float> into) {
    inputs.beforeStep(number);
    program.schedule().step(new View(number, logging, into));
  }

  /**
   * Runs step {@code number} as a step that does not log, with TensorFlow's full trace on: each
   * session call's {@link RunMetadata} (step stats with every kernel's time and output shapes) goes
   * to {@code traces}, in call order. For benchmarks; tracing slows the step it measures.
   */
  void traced(long number, Consumer<RunMetadata> traces) {
    tracer = traces;
    try {
      step(number, false, new HashMap<>());
    } finally {
      tracer = null;
    }
  }

  private final class View implements Step {
    private final long number;
    private final boolean logging;
    private final Map<String, Float> into;

    View(long number, boolean logging, Map<String, Float> into) {
      this.number = number;
      this.logging = logging;
      this.into = into;
    }

    @Override
    public long number() {
      return number;
    }

    @Override
    public long steps() {
      return steps;
    }

    @Override
    public boolean logging() {
      return logging;
    }

    @Override
    public void draw() {
      inputs.draw(streams);
    }

    @Override
    public void feed(String scalar, float value) {
      inputs.feed(scalar, value);
    }

    @Override
    public void run(String update, boolean fetch) {
      execute(update(update), true, fetch, into);
    }

    @Override
    public Map<String, Float> measure(String update) {
      Map<String, Float> measured = new LinkedHashMap<>();
      execute(update(update), false, true, measured);
      return measured;
    }

    @Override
    public void log(String key, float value) {
      into.put(key, value);
    }
  }

  /** The update named {@code name}, looked up once per run without scanning the program. */
  private TrainingProgram.Update update(String name) {
    TrainingProgram.Update update = updates.get(name);
    return update != null ? update : program.update(name);
  }

  private void execute(
      TrainingProgram.Update update, boolean train, boolean fetch, Map<String, Float> into) {
    Session.Runner runner = inputs.training(session);
    if (train) {
      runner.addTarget(update.train());
    }
    List<String> keys = fetch ? sortedScalarKeys.get(update.name()) : List.of();
    for (String key : keys) {
      runner.fetch(update.scalars().get(key));
    }
    try (Result result = run(runner)) {
      for (int i = 0; i < keys.size(); i++) {
        into.put(keys.get(i), ((TFloat32) result.get(i)).getFloat());
      }
    }
  }

  private Result run(Session.Runner runner) {
    if (tracer == null) {
      return runner.run();
    }
    Result result = runner.setOptions(FULL_TRACE).runAndFetchMetadata();
    result.getMetadata().ifPresent(tracer);
    return result;
  }
}
