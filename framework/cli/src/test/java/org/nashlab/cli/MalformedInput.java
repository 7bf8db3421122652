package org.nashlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashlab.config.CoreSchemaYaml;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * One malformed input and what Nash must answer: the command to run, the exit code, and a piece of
 * text its error must contain (the file or {@code command line}, and the key).
 *
 * @param label what is wrong, for the test's report
 * @param args the {@code nash} arguments
 * @param exit the exit code expected: 2 for invalid input, 3 for the environment
 * @param expected text the error output must contain
 */
record MalformedInput(String label, List<String> args, int exit, String expected) {
  /** Experiment files written into a folder, each one mistake away from a small valid one. */
  static final class Experiments {
    private final Path dir;
    private final String base;
    private final List<MalformedInput> cases = new ArrayList<>();
    private int written;

    Experiments(Path dir, String trackingUri) {
      this.dir = dir;
      this.base =
          String.join(
              "\n",
              "name: fuzz",
              "dataset: { name: ring, modes: 8 }",
              "variant: { name: vanilla, latent-dim: 4, generator-width: 8, discriminator-width: 8 }",
              "loss: { name: non-saturating }",
              "optimizers:",
              "  generator: { name: adam, lr: 1.0e-3 }",
              "  discriminator: { name: adam, lr: 1.0e-3 }",
              "training: { steps: 2, batch-size: 8, log-every: 1, sample-every: 0, eval-every: 0,"
                  + " checkpoint-every: 0 }",
              "tracking: { name: mlflow, uri: '" + trackingUri + "' }",
              "");
    }

    /** The valid experiment every case starts from. */
    Path valid() {
      return write("valid.yaml", base);
    }

    List<MalformedInput> cases() {
      return Collections.unmodifiableList(cases);
    }

    /** The file as written, run as is; its error names the file and {@code expected}. */
    void text(String label, String yaml, int exit, String expected) {
      Path file = write("case-" + written + ".yaml", yaml);
      cases.add(
          new MalformedInput(label, List.of("run", file.toString()), exit, file + ": " + expected));
    }

    /** The file as written, refused when its data is read: exit 3, the error {@code expected}. */
    void environment(String label, String yaml, String expected) {
      Path file = write("case-" + written + ".yaml", yaml);
      cases.add(new MalformedInput(label, List.of("run", file.toString()), 3, expected));
    }

    /** The base with the YAML value {@code value} put at the dotted {@code key}. */
    void set(String label, String key, String value, String expected) {
      text(label, with(key, value), 2, expected);
    }

    /** The base run with command-line {@code overrides}. */
    void overrides(String label, List<String> overrides, String expected) {
      List<String> args = new ArrayList<>(List.of("run", valid().toString()));
      args.addAll(overrides);
      cases.add(new MalformedInput(label, args, 2, "command line: " + expected));
    }

    /** The base, with {@code value} (YAML) at {@code key}: lists become the list given. */
    String with(String key, String value) {
      Map<String, Object> tree = load(base);
      put(tree, key.split("\\."), value.isEmpty() ? null : CoreSchemaYaml.create().load(value));
      DumperOptions options = new DumperOptions();
      options.setWidth(Integer.MAX_VALUE);
      return new Yaml(options).dump(tree);
    }

    /** The base's text with one more line. */
    String plus(String line) {
      return base + line + "\n";
    }

    private Path write(String name, String yaml) {
      written++;
      try {
        return Files.writeString(dir.resolve(name), yaml);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Sweep files over a valid base experiment. */
  static final class Sweeps {
    private final Path dir;
    private final Path experiment;
    private final List<MalformedInput> cases = new ArrayList<>();
    private int written;

    Sweeps(Path dir, Path experiment) {
      this.dir = dir;
      this.experiment = experiment;
    }

    List<MalformedInput> cases() {
      return Collections.unmodifiableList(cases);
    }

    /** A sweep over the base experiment whose sweep file is wrong: the error names the file. */
    void body(String label, String body, String expected) {
      Path file = write(sweep(body));
      cases.add(sweep(label, file, file + ": " + expected));
    }

    /** A sweep whose trials are wrong: the error names the trials' overrides. */
    void trial(String label, String body, String expected) {
      cases.add(sweep(label, write(sweep(body)), "command line: " + expected));
    }

    /** The sweep file as written. */
    void text(String label, String yaml, String expected) {
      Path file = write(yaml);
      cases.add(sweep(label, file, file + ": " + expected));
    }

    private String sweep(String body) {
      return "name: fuzz-sweep\nexperiment: " + experiment + "\n" + body + "\n";
    }

    private static MalformedInput sweep(String label, Path file, String expected) {
      return new MalformedInput(label, List.of("sweep", file.toString()), 2, expected);
    }

    private Path write(String yaml) {
      Path file = dir.resolve("sweep-" + written++ + ".yaml");
      try {
        return Files.writeString(file, yaml);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(String yaml) {
    return new LinkedHashMap<>((Map<String, Object>) CoreSchemaYaml.create().load(yaml));
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> tree, String[] path, Object value) {
    Map<String, Object> node = tree;
    for (int i = 0; i < path.length - 1; i++) {
      Object child = node.get(path[i]);
      Map<String, Object> copy =
          child instanceof Map<?, ?> m
              ? new LinkedHashMap<>((Map<String, Object>) m)
              : new LinkedHashMap<>();
      node.put(path[i], copy);
      node = copy;
    }
    node.put(path[path.length - 1], value);
  }
}
