package org.nashlab.train;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.nashlab.api.EnvironmentException;
import org.nashlab.config.NashHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Session;

/**
 * A trial's checkpoints in {@code NASH_HOME/checkpoints/RUN_ID/}: the resolved {@code config.yaml},
 * every variable (weights, optimizer slots, batch-norm averages) saved by TensorFlow as {@code
 * step-N.*}, and {@code state.properties} with the step, the positions of the data and noise
 * streams, the program's schedule state ({@code schedule.KEY}), the data sources' sampling state
 * ({@code source.STREAM.KEY}) and the values of its fed scalars ({@code scalar.NAME}) and the
 * {@link ComputeConditions} it was computed under ({@code conditions.KEY}). The state file is
 * replaced atomically and names the variables it goes with, so a crash while saving leaves the
 * previous checkpoint usable.
 */
final class Checkpoint {
  private static final Logger log = LoggerFactory.getLogger(Checkpoint.class);
  private static final String STATE = "state.properties";
  static final String CONFIG = "config.yaml";

  private final Path folder;
  private final boolean keepEvery;

  Checkpoint(Path folder) {
    this(folder, false);
  }

  private Checkpoint(Path folder, boolean keepEvery) {
    this.folder = folder;
    this.keepEvery = keepEvery;
  }

  static Checkpoint of(NashHome home, String runId) {
    return new Checkpoint(home.root().resolve("checkpoints").resolve(runId));
  }

  /** This run's checkpoints, keeping every step's weights when {@code keep} (not only the last). */
  Checkpoint keepingEvery(boolean keep) {
    return new Checkpoint(folder, keep);
  }

  private static final String SCHEDULE = "schedule.";
  private static final String SCALAR = "scalar.";
  private static final String CONDITIONS = "conditions.";
  private static final String SOURCE = "source.";

  /** The step, stream positions and program state a checkpoint was saved at. */
  record State(
      long step,
      long data,
      long noise,
      String variables,
      Map<String, String> schedule,
      Map<String, Map<String, String>> sources,
      Map<String, Float> scalars,
      Map<String, String> conditions) {}

  void writeConfig(String yaml) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(CONFIG), yaml);
    } catch (IOException e) {
      if (NoSpace.causes(e)) {
        throw new EnvironmentException(
            "no space left on device at " + folder + ": the run cannot keep checkpoints", e);
      }
      throw new UncheckedIOException("cannot write " + folder.resolve(CONFIG), e);
    }
  }

  /** The resolved configuration the run started with. */
  Path config() {
    return folder.resolve(CONFIG);
  }

  /**
   * @throws EnvironmentException when the disk is full: the partial files of this step are removed
   *     and the previous checkpoint stays usable
   */
  void save(TrialSetup setup, long step) {
    String variables = "step-" + step;
    try {
      write(setup, step, variables);
    } catch (IOException | RuntimeException e) {
      if (!NoSpace.causes(e)) {
        throw e instanceof IOException io
            ? new UncheckedIOException("cannot write the checkpoint in " + folder, io)
            : (RuntimeException) e;
      }
      removePartial(variables);
      throw new EnvironmentException(
          "no space left on device at "
              + folder
              + ": the checkpoint of step "
              + step
              + " was not written and its partial files were removed; "
              + latest()
                  .map(s -> "the checkpoint of step " + s.step() + " is intact")
                  .orElse("there is no earlier checkpoint")
              + ". Free space, then continue with: nash run --resume "
              + folder.getFileName(),
          e);
    }
  }

  private void write(TrialSetup setup, long step, String variables) throws IOException {
    RandomStreams streams = setup.streams();
    Files.createDirectories(folder);
    setup.session().save(folder.resolve(variables).toString());
    Properties state = new Properties();
    state.setProperty("step", Long.toString(step));
    state.setProperty("data", Long.toString(streams.data.state()));
    state.setProperty("noise", Long.toString(streams.noise.state()));
    state.setProperty("variables", variables);
    setup.program().schedule().state().forEach((k, v) -> state.setProperty(SCHEDULE + k, v));
    setup
        .data()
        .forEach(
            (stream, source) ->
                source.state().forEach((k, v) -> state.setProperty(SOURCE + stream + "." + k, v)));
    setup
        .graph()
        .inputs()
        .scalarValues()
        .forEach((k, v) -> state.setProperty(SCALAR + k, Float.toString(v)));
    setup.conditions().tags().forEach((k, v) -> state.setProperty(CONDITIONS + k, v));
    Path temporary = folder.resolve(STATE + ".tmp");
    try (Writer out = Files.newBufferedWriter(temporary)) {
      state.store(out, "Nash checkpoint");
    }
    Files.move(
        temporary,
        folder.resolve(STATE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    if (!keepEvery) {
      deleteAllVariablesBut(variables);
    }
  }

  /**
   * The steps whose weights are on disk, in order: the last, or every one when kept. A step after
   * the state file's is a save that did not complete, and is left out.
   */
  List<Long> savedSteps() {
    Optional<State> last = latest();
    if (last.isEmpty()) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.matches("step-\\d+\\.index"))
          .map(name -> Long.parseLong(name.substring(5, name.length() - ".index".length())))
          .filter(step -> step <= last.get().step())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /**
   * Loads the weights (and averages, optimizer slots) saved at {@code step} into {@code session}.
   */
  void restoreVariables(Session session, long step) {
    session.restore(folder.resolve("step-" + step).toString());
  }

  /** What a save that failed left: its variables' files (and TensorFlow's temporary ones). */
  private void removePartial(String variables) {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.equals(STATE + ".tmp")
            || (name.startsWith(variables) && isFileOf(name, variables))) {
          deleteTree(f);
        }
      }
    } catch (IOException e) {
      log.warn(
          "Could not remove the partial checkpoint {} in {}: {}",
          variables,
          folder,
          e.getMessage());
    }
  }

  /** Whether {@code name}, which starts with {@code variables}, is not a later step's file. */
  private static boolean isFileOf(String name, String variables) {
    return name.length() == variables.length()
        || !Character.isDigit(name.charAt(variables.length()));
  }

  private static void deleteTree(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> children = Files.list(path)) {
        for (Path child : children.toList()) {
          deleteTree(child);
        }
      }
    }
    Files.deleteIfExists(path);
  }

  Optional<State> latest() {
    Path file = folder.resolve(STATE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    Map<String, String> schedule = new TreeMap<>();
    Map<String, Map<String, String>> sources = new TreeMap<>();
    Map<String, Float> scalars = new TreeMap<>();
    Map<String, String> conditions = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(SCHEDULE)) {
        schedule.put(key.substring(SCHEDULE.length()), p.getProperty(key));
      } else if (key.startsWith(SOURCE)) {
        // Stream names are flat (letters, digits, dashes): the first dot ends the stream's.
        String rest = key.substring(SOURCE.length());
        int dot = rest.indexOf('.');
        sources
            .computeIfAbsent(rest.substring(0, dot), s -> new TreeMap<>())
            .put(rest.substring(dot + 1), p.getProperty(key));
      } else if (key.startsWith(SCALAR)) {
        scalars.put(key.substring(SCALAR.length()), Float.parseFloat(p.getProperty(key)));
      } else if (key.startsWith(CONDITIONS)) {
        conditions.put(key.substring(CONDITIONS.length()), p.getProperty(key));
      }
    }
    return Optional.of(
        new State(
            Long.parseLong(p.getProperty("step")),
            Long.parseLong(p.getProperty("data")),
            Long.parseLong(p.getProperty("noise")),
            p.getProperty("variables"),
            schedule,
            sources,
            scalars,
            conditions));
  }

  /**
   * Loads the variables, stream positions and program state; returns the step they were saved at.
   */
  long restore(TrialSetup setup) {
    Session session = setup.session();
    RandomStreams streams = setup.streams();
    State state =
        latest()
            .orElseThrow(
                () -> new EnvironmentException("no checkpoint in " + folder + " to resume from"));
    session.restore(folder.resolve(state.variables()).toString());
    streams.data.restore(state.data());
    streams.noise.restore(state.noise());
    setup.program().schedule().restore(state.schedule());
    state.sources().forEach((stream, saved) -> setup.data().get(stream).restore(saved));
    state.scalars().forEach(setup.graph().inputs()::feed);
    return state.step();
  }

  private void deleteAllVariablesBut(String keep) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("step-") && !(name.startsWith(keep) && isFileOf(name, keep))) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
