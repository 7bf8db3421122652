package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.testkit.MlflowServerExtension;

/**
 * Malformed experiments and sweeps, as a hostile user writes them, against a real MLflow server:
 * every one is refused with exit 2 (or 3 for a corrupt data file), an error naming the file (or the
 * command line) and the key, no stack trace, and nothing created in MLflow. Each is run with {@code
 * nash run} or {@code nash sweep}, not {@code validate}, so one that slipped through would train
 * and log.
 */
@ExtendWith(MlflowServerExtension.class)
class MalformedInputIT {
  private static final List<String> LOOKUPS =
      List.of(
          "file:UTF-8:/etc/passwd",
          "url:UTF-8:http://127.0.0.1:9/",
          "script:javascript:1+1",
          "dns:address|localhost",
          "base64Decoder:SGVsbG8=",
          "base64Encoder:Hello",
          "const:java.lang.Integer.MAX_VALUE",
          "date:yyyy",
          "java:version",
          "localhost:name",
          "properties:/etc/nash.properties::key",
          "resourceBundle:messages:key",
          "urlDecoder:a%20b",
          "urlEncoder:a b",
          "xml:/etc/nash.xml:/a",
          "env:NASH_NO_SUCH_VARIABLE",
          "sys:nash.no.such.property",
          "no.such.key",
          "ENV:HOME",
          "file:/etc/hostname",
          "expr:1+1",
          "url:file:///etc/passwd");

  @TempDir Path dir;

  @Test
  void everyMalformedInputIsRefusedWithItsExitCodeFileAndKeyAndNothingReachesMlflow(
      MlflowServerExtension.Server mlflow) throws Exception {
    MalformedInput.Experiments experiments = new MalformedInput.Experiments(dir, mlflow.uri());
    listsWhereOneValueBelongs(experiments);
    wrongSectionShapes(experiments);
    emptyValuesAndDuplicates(experiments);
    numbersOutOfRange(experiments);
    names(experiments);
    interpolation(experiments);
    extendsChains(experiments);
    unknownsAndSyntax(experiments);
    datasets(experiments);
    commandLines(experiments);
    MalformedInput.Sweeps sweeps = new MalformedInput.Sweeps(dir, experiments.valid());
    sweeps(sweeps);

    // The server is shared with the other integration tests: compare with what it held before.
    List<String> before = experimentNames(mlflow.uri());
    List<MalformedInput> cases = new ArrayList<>(experiments.cases());
    cases.addAll(sweeps.cases());
    List<String> failures = new ArrayList<>();
    for (MalformedInput input : cases) {
      CommandResult result = CommandResult.of(input.args().toArray(String[]::new));
      String output = result.out() + result.err();
      if (result.exitCode() != input.exit()
          || !result.err().contains(input.expected())
          || output.contains("\tat ")
          || output.contains("Exception")) {
        failures.add(
            input.label()
                + ": exit "
                + result.exitCode()
                + ", expected "
                + input.exit()
                + " and '"
                + input.expected()
                + "' in:\n"
                + output);
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + ":\n" + failures);
    System.out.printf(
        "%d malformed inputs: %d experiments, %d sweeps%n",
        cases.size(), experiments.cases().size(), sweeps.cases().size());
    assertTrue(cases.size() >= 150, cases.size() + " cases");
    assertEquals(before, experimentNames(mlflow.uri()), "nothing was created in MLflow");
  }

  @Test
  void aUserSeesOneLineNotAStackTraceFromTheRealProcess(MlflowServerExtension.Server mlflow)
      throws IOException {
    MalformedInput.Experiments experiments = new MalformedInput.Experiments(dir, mlflow.uri());
    Path file = dir.resolve("cycle.yaml");
    Files.writeString(file, experiments.with("name", "'${name}'"));
    NashProcess cycle = NashProcess.run(Map.of(), "run", file.toString());
    assertEquals(2, cycle.exitCode(), cycle.err());
    assertEquals(
        "1 problem in the experiment:\n  "
            + file
            + ": name: cannot be expanded: Infinite loop in property interpolation of ${name}:"
            + " name\n",
        cycle.err());
    NashProcess listed =
        NashProcess.run(Map.of(), "run", experiments.valid().toString(), "training=[1, 2, 3]");
    assertEquals(2, listed.exitCode(), listed.err());
    assertEquals(
        "1 problem in the experiment:\n  command line: training: must be a section (a map such as"
            + " { name: ... }), got a list of 3 elements\n",
        listed.err());
  }

  private static void listsWhereOneValueBelongs(MalformedInput.Experiments e) {
    List<String> keys =
        List.of(
            "name",
            "training.steps",
            "training.batch-size",
            "training.seed",
            "training.device",
            "loss.name",
            "variant.latent-dim",
            "optimizers.generator.lr",
            "dataset.modes",
            "tracking.uri");
    for (String key : keys) {
      for (String value : List.of("[1, 2]", "[5000, 10]", "[1]", "{a: 1}")) {
        String shape = value.startsWith("{") ? "a map" : "a list of";
        e.set(key + " = " + value, key, value, key + ": takes one value, got " + shape);
      }
      e.overrides(
          "override " + key + "=[1, 2]",
          List.of(key + "=[1, 2]"),
          key + ": takes one value, got a list of 2 elements");
    }
  }

  private static void wrongSectionShapes(MalformedInput.Experiments e) {
    List<String> sections =
        List.of(
            "dataset",
            "variant",
            "loss",
            "training",
            "tracking",
            "features",
            "optimizers.generator",
            "optimizers.discriminator");
    for (String section : sections) {
      for (String value : List.of("[1, 2, 3]", "5", "hinge")) {
        e.set(section + " = " + value, section, value, section + ": must be a section");
      }
    }
    for (String value : List.of("[1, 2, 3]", "5", "hinge")) {
      e.set("optimizers = " + value, "optimizers", value, "optimizers: must be a map");
      e.set("datasets = " + value, "datasets", value, "datasets: must be a map");
    }
    for (String list : List.of("regularizers", "metrics")) {
      e.set(list + " = map", list, "{name: r1}", list + ": must be a list of sections");
      e.set(list + " = 5", list, "5", list + ": must be a list of sections");
      e.set(list + " = [r1]", list, "[r1]", list + "[0]: must be a section");
      e.set(list + " = [[1]]", list, "[[1]]", list + "[0]: must be a section");
      e.set(
          list + " = [{name: [a, b]}]",
          list,
          "[{name: [a, b]}]",
          list + "[0].name: takes one value");
    }
    e.text("the file is a list", "- a\n- b\n", 2, "must be a YAML map of sections");
    e.text("the file is a number", "42\n", 2, "must be a YAML map of sections");
  }

  private static void emptyValuesAndDuplicates(MalformedInput.Experiments e) {
    for (String key :
        List.of("foo", "training.steps", "loss.name", "regularizers", "variant", "name")) {
      e.set(key + " without value", key, "", key + ": has no value");
    }
    e.text("extends without value", e.plus("extends:"), 2, "extends: has no value");
    e.text(
        "steps twice",
        e.plus("training:\n  steps: 300\n  steps: 100000000"),
        2,
        "training: is given twice (lines 8 and 10)");
    e.text(
        "a section twice",
        "loss: { name: hinge }\n" + e.plus(""),
        2,
        "loss: is given twice (lines 1 and 5)");
    e.text(
        "a key twice in a flow map",
        e.with("training", "{steps: 2, batch-size: 8}").replace("steps: 2", "steps: 2, steps: 3"),
        2,
        "training.steps: is given twice (lines 8 and 8)");
    e.text(
        "a nested key twice",
        e.with("optimizers", "{generator: {name: adam, lr: 0.1}, discriminator: {name: adam}}")
            .replace("lr: 0.1", "lr: 0.1, lr: 0.2"),
        2,
        "optimizers.generator.lr: is given twice");
    e.text("name twice", e.plus("name: other"), 2, "name: is given twice (lines 1 and 10)");
    e.text(
        "a control character",
        e.plus("").replace("name: fuzz", "name: \"a\\x01b\""),
        2,
        "name: holds a control");
    e.text(
        "NUL",
        e.plus("").replace("name: non-saturating", "name: \"hinge\\0\""),
        2,
        "loss.name: holds a control");
    e.text("binary", e.with("loss.name", "!!binary aGVsbG8="), 2, "loss.name: is binary data");
  }

  private static void numbersOutOfRange(MalformedInput.Experiments e) {
    for (String key :
        List.of(
            "optimizers.generator.lr",
            "optimizers.discriminator.beta1",
            "dataset.radius",
            "dataset.std")) {
      for (String value : List.of(".inf", "-.inf", ".nan", ".Inf")) {
        e.set(key + " = " + value, key, value, key + ": ");
      }
    }
    e.set(
        "batch 10^8",
        "training.batch-size",
        "100000000",
        "training.batch-size: must be in [1, 65536]");
    e.set(
        "width 2*10^9",
        "variant.generator-width",
        "2000000000",
        "variant.generator-width: must be in [1, 16384]");
    e.set("latent 0", "variant.latent-dim", "0", "variant.latent-dim: must be in [1, 16384]");
    e.set(
        "depth 1000",
        "variant.generator-depth",
        "1000",
        "variant.generator-depth: must be in [1, 64]");
    e.set(
        "a network too big for this machine",
        "variant",
        "{name: vanilla, generator-width: 16384, generator-depth: 64}",
        "variant: the networks' variables (weights and optimizer slots) take 189.0 GiB");
    e.set(
        "dcgan on points",
        "variant",
        "{name: dcgan}",
        "variant: 'dcgan' cannot train on dataset 'ring': DCGAN needs square images");
    e.set(
        "cgan on unlabelled points",
        "variant",
        "{name: cgan, backbone: mlp}",
        "variant: 'cgan' cannot train on dataset 'ring': a conditional GAN needs samples with class"
            + " labels");
    e.set(
        "cyclegan on one dataset",
        "variant",
        "{name: cyclegan}",
        "variant: 'cyclegan' cannot train on dataset 'ring': CycleGAN reads the data streams a, b");
    e.set(
        "progan on points",
        "variant",
        "{name: progan}",
        "variant: 'progan' cannot train on dataset 'ring': ProGAN grows square images from 4 x 4");
    e.set(
        "progan batch sizes without sizes",
        "variant",
        "{name: progan, batch-sizes: '4:128, 8'}",
        "variant: batch-sizes: '8' is not RESOLUTION:SIZE");
    e.set(
        "stylegan2 on points",
        "variant",
        "{name: stylegan2}",
        "variant: 'stylegan2' cannot train on dataset 'ring': StyleGAN2 synthesises square images of"
            + " at least 8 x 8");
    e.set(
        "stylegan2 truncation above 1",
        "variant",
        "{name: stylegan2, truncation-psi: 1.5}",
        "variant: truncation-psi: must be in [0, 1], got 1.5");
    e.set("steps -1", "training.steps", "-1", "training.steps: must be > 0");
    e.set(
        "steps past int",
        "training.steps",
        "3000000000",
        "training.steps: '3000000000' is not a valid integer");
    e.set("log-every 0", "training.log-every", "0", "training.log-every: must be > 0");
    e.set(
        "lr fast",
        "optimizers.generator.lr",
        "fast",
        "optimizers.generator.lr: 'fast' is not a finite number");
    e.set(
        "boolean yes",
        "variant.minibatch-stddev",
        "yes",
        "variant.minibatch-stddev: 'yes' is not one of true|false");
    e.set(
        "device tpu",
        "training.device",
        "tpu",
        "training.device: 'tpu' is not one of auto|cpu|gpu");
  }

  private static void names(MalformedInput.Experiments e) {
    e.set("name with a newline", "name", "\"a\\nb\"", "name: holds a control");
    e.set(
        "name <script>",
        "name",
        "\"<script>alert(1)</script>\"",
        "name: '<script>alert(1)</script>' is not a name");
    e.set("name of 1 MB", "name", "a".repeat(1 << 20), "name: is 1048576 characters long");
    e.set("empty name", "name", "\"\"", "name: '' is not a name");
    e.set("name -x", "name", "\"-x\"", "name: '-x' is not a name");
    e.set("name with a space", "name", "\"a b\"", "name: 'a b' is not a name");
    e.set("name with a slash", "name", "\"../etc\"", "name: '../etc' is not a name");
    e.set("a number as name", "name", "[97]", "name: takes one value");
  }

  private static void interpolation(MalformedInput.Experiments e) {
    e.set("name cycle", "name", "'${name}'", "name: cannot be expanded: Infinite loop");
    e.set("loss.name cycle", "loss.name", "'${loss.name}'", "loss.name: cannot be expanded");
    e.text(
        "two keys in a cycle",
        e.with("name", "'${loss.name}'").replace("name: non-saturating", "name: '${name}'"),
        2,
        "name: cannot be expanded: Infinite loop");
    for (String lookup : LOOKUPS) {
      e.set("${" + lookup + "}", "loss.name", "'${" + lookup + "}'", "loss.name: '${");
    }
  }

  private static void extendsChains(MalformedInput.Experiments e) {
    e.text(
        "extends /etc/shadow",
        e.plus("extends: /etc/shadow"),
        2,
        "extends: '/etc/shadow' is not a .yaml or .yml file");
    e.text(
        "extends /etc/passwd",
        e.plus("extends: /etc/passwd"),
        2,
        "extends: '/etc/passwd' is not a .yaml or .yml file");
    e.text("extends a folder", e.plus("extends: ."), 2, "extends: '.' is not a .yaml or .yml file");
    e.text("extends a missing file", e.plus("extends: missing.yaml"), 2, "extends: file");
    e.text("extends a list", e.plus("extends: [a.yaml, b.yaml]"), 2, "extends: takes one value");
  }

  private static void unknownsAndSyntax(MalformedInput.Experiments e) {
    e.text(
        "unknown section",
        e.plus("trainig: { seed: 3 }"),
        2,
        "trainig: is not a section of an experiment; did you mean 'training'?");
    e.set(
        "unknown parameter", "variant.latent-dimm", "8", "variant.latent-dimm: is not a parameter");
    e.set("unknown loss", "loss.name", "non-saturatin", "loss.name: 'non-saturatin' is not a loss");
    e.set(
        "unknown optimizer section",
        "optimizers.critic",
        "{name: adam}",
        "optimizers.critic: is not a network with an optimizer");
    e.text("unclosed brace", "loss: { name: minimax\n", 2, "is not valid YAML");
    e.text("a tab", "loss:\n\tname: minimax\n", 2, "is not valid YAML");
    e.text("bad indentation", "loss:\n  name: minimax\n bad: 1\n", 2, "is not valid YAML");
    e.text("an alias bomb", aliasBomb(), 2, "is not valid YAML: Number of aliases");
    e.text("two documents", e.plus("---\nname: second"), 2, "is not valid YAML");
  }

  /** Ten levels of ten aliases: a billion elements if expanded. */
  private static String aliasBomb() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      String previous = "*a" + (i - 1);
      yaml.append("a").append(i).append(": &a").append(i).append(" [");
      yaml.append(String.join(", ", java.util.Collections.nCopies(10, previous))).append("]\n");
    }
    return yaml.toString();
  }

  private void datasets(MalformedInput.Experiments e) throws IOException {
    e.set(
        "image-folder path missing",
        "dataset",
        "{name: image-folder, path: /nonexistent}",
        "dataset.path: '/nonexistent' does not exist");
    e.set(
        "fashion-mnist path without files",
        "dataset",
        "{name: fashion-mnist, path: /etc}",
        "dataset.path: '/etc' lacks train-images-idx3-ubyte");
    Path truncated = idxFolder("truncated", 60000, 100);
    e.environment(
        "truncated IDX",
        e.with("dataset", "{name: fashion-mnist, path: '" + truncated + "'}"),
        truncated.resolve("train-images-idx3-ubyte.gz") + ": IDX header declares 60000 x 28 x 28");
    Path overflow = idxFolder("overflow", 65536, 0);
    e.environment(
        "IDX header overflow",
        e.with("dataset", "{name: fashion-mnist, path: '" + overflow + "'}"),
        overflow.resolve("train-images-idx3-ubyte.gz") + ": IDX header declares 65536 x 65536 x 2");
  }

  /**
   * A Fashion-MNIST folder whose image file's header declares {@code count} 28x28 images (or 65536
   * x 65536 of 2 for an overflowing product when {@code count} is 65536) but holds {@code bytes}
   * bytes of pixels.
   */
  private Path idxFolder(String name, int count, int bytes) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(name));
    int rows = count == 65536 ? 65536 : 28;
    int cols = count == 65536 ? 2 : 28;
    writeGzip(
        folder.resolve("train-images-idx3-ubyte.gz"),
        idx(0x803, new int[] {count, rows, cols}, bytes));
    writeGzip(folder.resolve("train-labels-idx1-ubyte.gz"), idx(0x801, new int[] {count}, count));
    return folder;
  }

  private static byte[] idx(int magic, int[] dims, int bytes) {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 + 4 * dims.length + bytes);
    buffer.putInt(magic);
    for (int d : dims) {
      buffer.putInt(d);
    }
    return buffer.array();
  }

  private static void writeGzip(Path file, byte[] content) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content);
    }
  }

  private static void commandLines(MalformedInput.Experiments e) {
    e.overrides(
        "an override twice",
        List.of("training.steps=5", "training.steps=6"),
        "training.steps: is given more than once");
    e.overrides(
        "an override without =", List.of("training.steps"), "training.steps: is not key=value");
    e.overrides(
        "a section then a key in it",
        List.of("training=1", "training.seed=2"),
        "training.seed: sets training.seed, which the override of training sets too");
    e.overrides(
        "a key then its section",
        List.of("loss.name=minimax", "loss={name: hinge}"),
        "loss: sets loss.name, which the override of loss.name sets too");
    e.overrides(
        "a section then a key of its value",
        List.of("loss={name: hinge}", "loss.name=minimax"),
        "loss.name: sets loss.name, which the override of loss sets too");
    e.overrides(
        "an empty section then a key in it",
        List.of("training=~", "training.steps=5"),
        "training.steps: sets training.steps, which the override of training sets too");
    e.overrides(
        "extends on the command line",
        List.of("extends=other.yaml"),
        "extends: cannot be given on the command line");
    e.overrides(
        "a list for a section", List.of("training=[1, 2, 3]"), "training: must be a section");
    e.overrides(
        "an infinite lr",
        List.of("optimizers.generator.lr=.inf"),
        "optimizers.generator.lr: 'Infinity' is not a finite number");
    e.overrides("a cycle", List.of("loss.name=${loss.name}"), "loss.name: cannot be expanded");
    e.overrides(
        "a file lookup",
        List.of("loss.name=${file:UTF-8:/etc/passwd}"),
        "loss.name: '${file:UTF-8:/etc/passwd}' cannot be expanded");
  }

  private static void sweeps(MalformedInput.Sweeps s) {
    s.body(
        "grid over name", "grid: { name: [alpha, beta, gamma] }", "grid.name: cannot be a factor");
    s.body(
        "grid over extends",
        "grid: { extends: [a.yaml, b.yaml] }",
        "grid.extends: cannot be a factor");
    s.body(
        "grid over the seed",
        "grid: { training.seed: [1, 2] }",
        "grid.training.seed: cannot be a factor");
    s.body(
        "random over name",
        "random: { trials: 2, name: { choice: [a, b] } }",
        "random.name: cannot be a factor");
    s.body(
        "grid over a whole section",
        "grid: { training: [1, 2] }",
        "grid.training: cannot be a factor: it holds training.seed");
    s.body(
        "grid over a section holding the seed",
        "grid: { training: [{ seed: 5, steps: 3 }] }",
        "grid.training: cannot be a factor: it holds training.seed");
    s.body(
        "overlapping factors",
        "grid: { loss: [{ name: hinge }], loss.name: [minimax] }",
        "grid.loss.name: overlaps the factor loss");
    s.body(
        "a random factor inside a grid one",
        "grid: { loss: [{ name: hinge }] }\nrandom: { trials: 2, loss.name: { choice: [a, b] } }",
        "random.loss.name: overlaps the factor loss");
    s.trial("grid over a section's list", "grid: { loss: [[1], [2]] }", "loss: must be a section");
    s.body(
        "a value listed twice",
        "grid: { loss.name: [hinge, hinge] }",
        "grid.loss.name: lists a value twice");
    s.body(
        "values that change nothing",
        "grid: { training.log-every: [1, '1'] }",
        "grid: trial 0 and a later one are the same experiment");
    s.body(
        "an empty grid list",
        "grid: { loss.name: [] }",
        "grid.loss.name: must be a non-empty list");
    s.body(
        "a grid value without value",
        "grid: { loss.name: [hinge, ~] }",
        "grid.loss.name: lists an empty value");
    s.body("grid not a map", "grid: [loss.name]", "grid: must be a mapping");
    s.body(
        "grid of a scalar",
        "grid: { loss.name: hinge }",
        "grid.loss.name: must be a non-empty list");
    s.trial(
        "grid over an unknown parameter",
        "grid: { variant.foo: [1, 2] }",
        "variant.foo: is not a parameter");
    s.trial(
        "grid of bad numbers",
        "grid: { training.steps: [fast, 2] }",
        "training.steps: 'fast' is not a valid integer");
    s.trial(
        "grid of infinities",
        "grid: { optimizers.generator.lr: [.inf, 1] }",
        "optimizers.generator.lr: 'Infinity' is not a finite number");
    s.body(
        "a grid key that is not a key",
        "grid: { 'loss name': [a, b] }",
        "grid.loss name: 'loss name' is not a dotted experiment key");
    s.body(
        "exclude everything",
        "grid: { loss.name: [hinge, minimax] }\nexclude: [{ loss.name: hinge }, { loss.name: minimax }]",
        "exclude: leaves no trial");
    s.body(
        "exclude an unknown factor",
        "grid: { loss.name: [hinge] }\nexclude: [{ loss.nam: hinge }]",
        "exclude[0].loss.nam: is not a factor of this sweep");
    s.body(
        "exclude not a list",
        "grid: { loss.name: [hinge] }\nexclude: { loss.name: hinge }",
        "exclude: must be a list");
    s.body(
        "a million trials",
        "grid: { a.b: [1,2,3,4,5,6,7,8,9,10], c.d: [1,2,3,4,5,6,7,8,9,10], e.f: [1,2,3,4,5,6,7,8,9,10], g.h: [1,2,3,4,5,6,7,8,9,10], i.j: [1,2,3,4,5,6,7,8,9,10], k.l: [1,2,3,4,5,6,7,8,9,10] }",
        "names 1,000,000 trials (grid points x draws x seeds, before exclude), more than max-trials (10,000)");
    s.body(
        "10^12 random trials",
        "random: { trials: 1000000000000, loss.name: { choice: [hinge, minimax] } }",
        "names 1,000,000,000,000 trials");
    s.body(
        "10^9 random trials",
        "random: { trials: 1000000000, loss.name: { choice: [hinge] } }",
        "names 1,000,000,000 trials");
    s.body(
        "max-trials past an int",
        "max-trials: 3000000000",
        "max-trials: must be at most 2147483647, got 3000000000");
    s.body("max-trials 0", "max-trials: 0", "max-trials: must be a whole number >= 1");
    s.body(
        "max-trials below the count",
        "max-trials: 1\nseeds: [1, 2]",
        "names 2 trials (grid points x draws x seeds, before exclude), more than max-trials (1)");
    s.body(
        "random without trials",
        "random: { loss.name: { choice: [hinge] } }",
        "random.trials: is required");
    s.body(
        "random trials without factors", "random: { trials: 3 }", "random.trials: draws nothing");
    s.body(
        "an unknown distribution",
        "random: { trials: 2, optimizers.generator.lr: { normal: [0, 1] } }",
        "random.optimizers.generator.lr");
    s.body("a seed twice", "seeds: [1, 1]", "seeds: lists a seed twice");
    s.body("no seeds", "seeds: []", "seeds: must be a non-empty list");
    s.body("a seed that is not a number", "seeds: [one]", "seeds[0]: must be a whole number");
    s.body("a metric with spaces", "metric: 'loss d'", "metric: 'loss d' is not a metric key");
    s.body(
        "an unknown sweep key",
        "grdi: { loss.name: [hinge] }",
        "grdi: is not a sweep key; did you mean 'grid'?");
    s.body(
        "an unknown executor",
        "executor: { name: slurmm }",
        "executor.name: 'slurmm' is not an executor");
    s.body(
        "parallelism 0",
        "executor: { name: local, parallelism: 0 }",
        "executor.parallelism: must be > 0");
    s.body("a key twice", "seeds: [1]\nseeds: [2]", "seeds: is given twice (lines 3 and 4)");
    s.text("no name", "experiment: x.yaml\n", "name: is required");
    s.text(
        "a control character in the name",
        "name: \"a\\x01\"\nexperiment: x.yaml\n",
        "name: 'a\\u0001' is not a name");
    s.text(
        "<script> as name",
        "name: \"<script>\"\nexperiment: x.yaml\n",
        "name: '<script>' is not a name");
    s.text(
        "a 1 MB name",
        "name: " + "a".repeat(1 << 20) + "\nexperiment: x.yaml\n",
        "name: is 1048576 characters long");
    s.text(
        "a missing experiment",
        "name: s\nexperiment: missing.yaml\n",
        "experiment: 'missing.yaml' is not a file");
    s.text("not YAML", "name: [s\n", "is not valid YAML");
    s.text("a list", "- name: s\n", "must be a YAML mapping of sweep keys");
  }

  /** The names of every experiment on the server. */
  private static List<String> experimentNames(String uri) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(uri + "/api/2.0/mlflow/experiments/search?max_results=1000"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> names = new ArrayList<>();
    Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"").matcher(response.body());
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
