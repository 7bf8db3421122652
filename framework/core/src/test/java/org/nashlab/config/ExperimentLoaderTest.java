package org.nashlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExperimentLoaderTest {
  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void extendsMergesKeyByKeyAndRemembersWhereEachKeyCameFrom() throws IOException {
    write("base.yaml", "dataset: { name: ring, modes: 8 }\nloss: { name: minimax }\n");
    Path child = write("child.yaml", "extends: base.yaml\ndataset: { modes: 4 }\n");
    LayeredConfig config = ExperimentLoader.load(child, List.of());
    assertEquals(Optional.of("ring"), config.get("dataset.name"));
    assertEquals(Optional.of("4"), config.get("dataset.modes"));
    assertEquals(Optional.of("minimax"), config.get("loss.name"));
    assertTrue(config.origin("dataset.modes").endsWith("child.yaml"));
    assertTrue(config.origin("loss.name").endsWith("base.yaml"));
    assertEquals(List.of(), config.keys("extends"));
  }

  @Test
  void commandLineOverridesWinAndAreAttributedToIt() throws IOException {
    Path file = write("e.yaml", "training: { steps: 1000 }\nloss: { name: minimax }\n");
    LayeredConfig config =
        ExperimentLoader.load(file, List.of("training.steps=500", "loss.name=hinge"));
    assertEquals(Optional.of("500"), config.get("training.steps"));
    assertEquals(Optional.of("hinge"), config.get("loss.name"));
    assertEquals("command line", config.origin("training.steps"));
  }

  @Test
  void choosingAnotherPluginDropsTheParametersOfTheOneItReplaces() throws IOException {
    write("base.yaml", "optimizers: { generator: { name: adam, lr: 0.1, beta1: 0.5 } }\n");
    Path file = write("e.yaml", "extends: base.yaml\noptimizers: { generator: { lr: 0.2 } }\n");
    LayeredConfig same = ExperimentLoader.load(file, List.of());
    assertEquals(Optional.of("0.5"), same.get("optimizers.generator.beta1"));
    assertEquals(Optional.of("0.2"), same.get("optimizers.generator.lr"));

    LayeredConfig other = ExperimentLoader.load(file, List.of("optimizers.generator.name=sgd"));
    assertEquals(Optional.of("sgd"), other.get("optimizers.generator.name"));
    assertEquals(Optional.empty(), other.get("optimizers.generator.beta1"));
    assertEquals(Optional.empty(), other.get("optimizers.generator.lr"));
  }

  @Test
  void onOffYesAndNoAreWordsNotBooleans() throws IOException {
    Path file =
        write(
            "e.yaml", "regularizers: [{ name: weight-clipping, on: discriminator }]\nflag: yes\n");
    LayeredConfig config =
        ExperimentLoader.load(file, List.of("regularizers=[{name: weight-decay, on: both}]"));
    assertEquals(Optional.of("both"), config.get("regularizers(0).on"));
    assertEquals(Optional.of("yes"), config.get("flag"));
  }

  @Test
  void anOverrideListReplacesTheFilesList() throws IOException {
    Path file = write("e.yaml", "regularizers: [{ name: a }, { name: b }]\n");
    LayeredConfig config = ExperimentLoader.load(file, List.of("regularizers=[{name: c}]"));
    assertEquals(1, config.count("regularizers"));
    assertEquals(Optional.of("c"), config.get("regularizers(0).name"));
  }

  @Test
  void anEmptyListOverrideEmptiesTheFilesList() throws IOException {
    // Commons Configuration keeps no node for an empty list: the file's list must not survive.
    Path file =
        write("e.yaml", "regularizers: [{ name: a }, { name: b }]\nmetrics: [{ name: m }]\n");
    LayeredConfig config = ExperimentLoader.load(file, List.of("regularizers=[]", "metrics=[]"));
    assertEquals(List.of(), config.keys("regularizers"));
    assertEquals(List.of(), config.keys("metrics"));
  }

  @Test
  void anEmptyListOrMapInAFileEmptiesWhatItsBaseSet() throws IOException {
    write("base.yaml", "regularizers: [{ name: a }]\nvariant: { name: v, width: 3 }\n");
    Path child = write("child.yaml", "extends: base.yaml\nregularizers: []\n");
    LayeredConfig config = ExperimentLoader.load(child, List.of());
    assertEquals(List.of(), config.keys("regularizers"));
    assertEquals(Optional.of("3"), config.get("variant.width"), "other sections are kept");
  }

  @Test
  void expandsEnvironmentSystemPropertiesAndOtherKeys() throws IOException {
    Path file =
        write(
            "e.yaml",
            "a: ${env:PATH}\nb: ${sys:java.version}\nloss: { name: minimax }\nc: ${loss.name}-x\n");
    LayeredConfig config = ExperimentLoader.load(file, List.of());
    assertEquals(Optional.of(System.getenv("PATH")), config.get("a"));
    assertEquals(Optional.of(System.getProperty("java.version")), config.get("b"));
    assertEquals(Optional.of("minimax-x"), config.get("c"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${file:UTF-8:/etc/hostname}",
        "${file:/etc/hostname}",
        "${url:UTF-8:http://127.0.0.1:9/}",
        "${dns:address|localhost}",
        "${script:javascript:3 + 4}",
        "${java:version}",
        "${localhost:name}",
        "${properties:/etc/os-release::ID}"
      })
  void leavesEveryOtherLookupUnexpanded(String lookup) throws IOException {
    Path file = write("e.yaml", "value: '" + lookup + "'\n");
    assertEquals(Optional.of(lookup), ExperimentLoader.load(file, List.of()).get("value"));
  }

  @Test
  void anExtendsLoopIsAnErrorNamingTheChain() throws IOException {
    write("a.yaml", "extends: b.yaml\n");
    write("b.yaml", "extends: a.yaml\n");
    var e =
        assertThrows(
            InvalidConfigException.class,
            () -> ExperimentLoader.load(dir.resolve("a.yaml"), List.of()));
    assertTrue(e.getMessage().contains("extends must not loop"), e.getMessage());
    assertEquals(2, e.exitCode());
  }

  @Test
  void aMissingBaseFileIsNamedWithTheFileThatExtendsIt() throws IOException {
    Path file = write("e.yaml", "extends: nowhere.yaml\n");
    var e =
        assertThrows(InvalidConfigException.class, () -> ExperimentLoader.load(file, List.of()));
    ConfigError error = e.errors().get(0);
    assertTrue(error.source().endsWith("e.yaml"), error.toString());
    assertEquals("extends", error.key());
    assertTrue(error.message().contains("nowhere.yaml' does not exist"), error.toString());
  }

  @Test
  void brokenYamlNamesTheFile() throws IOException {
    Path file = write("broken.yaml", "loss: { name: minimax\n");
    var e =
        assertThrows(InvalidConfigException.class, () -> ExperimentLoader.load(file, List.of()));
    assertTrue(e.getMessage().contains("broken.yaml: is not valid YAML"), e.getMessage());
  }

  @Test
  void anOverrideWithoutEqualsSignIsAnError() throws IOException {
    Path file = write("e.yaml", "loss: { name: minimax }\n");
    var e =
        assertThrows(
            InvalidConfigException.class,
            () -> ExperimentLoader.load(file, List.of("training.steps")));
    assertEquals(
        "command line: training.steps: is not key=value (for example training.steps=500)",
        e.errors().get(0).toString());
  }

  private String problemsOf(String yaml, String... overrides) throws IOException {
    Path file = write("e.yaml", yaml);
    var e =
        assertThrows(
            InvalidConfigException.class, () -> ExperimentLoader.load(file, List.of(overrides)));
    return e.errors().stream().map(ConfigError::toString).toList().toString();
  }

  @Test
  void aDuplicateKeyIsAnErrorWithItsLine() throws IOException {
    assertEquals(
        "[e.yaml: training.steps: is given twice (lines 2 and 3); give each key once]",
        problemsOf("training:\n  steps: 300\n  steps: 100000000\n").replace(dir + "/", ""));
  }

  @Test
  void aListWhereOneValueBelongsIsAnErrorNotItsFirstElement() throws IOException {
    assertEquals(
        "[e.yaml: name: takes one value, got a list of 2 elements,"
            + " e.yaml: training.batch-size: takes one value, got a list of 1 element]",
        problemsOf("name: [a, b]\ntraining: { batch-size: [1] }\n").replace(dir + "/", ""));
    assertEquals(
        "[command line: training.steps: takes one value, got a list of 2 elements]",
        problemsOf("{}", "training.steps=[5000, 10]"));
  }

  @Test
  void aSectionMustBeAMapAndAListOfTechniquesAList() throws IOException {
    String problems =
        problemsOf(
            "training: [1, 2]\nloss: hinge\nregularizers: { name: r1 }\n"
                + "optimizers: { generator: adam }\nmetrics: [fid]\n");
    assertTrue(
        problems.contains(
            "training: must be a section (a map such as { name: ... }), got a list of 2 elements"),
        problems);
    assertTrue(
        problems.contains("loss: must be a section (a map such as { name: ... }), got 'hinge'"),
        problems);
    assertTrue(
        problems.contains("regularizers: must be a list of sections (- { name: ... }), got a map"),
        problems);
    assertTrue(problems.contains("optimizers.generator: must be a section"), problems);
    assertTrue(problems.contains("metrics[0]: must be a section"), problems);
  }

  @Test
  void aKeyWithoutValueAndAControlCharacterAreErrors() throws IOException {
    String problems = problemsOf("foo:\nname: \"a\\x01b\"\ntraining: { steps: }\n");
    assertTrue(problems.contains("foo: has no value"), problems);
    assertTrue(problems.contains("name: holds a control or unprintable character"), problems);
    assertTrue(problems.contains("training.steps: has no value"), problems);
  }

  @Test
  void anOverrideGivenTwiceIsAnError() throws IOException {
    assertEquals(
        "[command line: training.steps: is given more than once]",
        problemsOf("{}", "training.steps=5", "training.steps=6"));
  }

  @Test
  void extendsNamesOnlyYamlFiles() throws IOException {
    Files.writeString(dir.resolve("secret.txt"), "root:x:0:0\n");
    assertTrue(
        problemsOf("extends: secret.txt\n")
            .contains("extends: 'secret.txt' is not a .yaml or .yml file"));
    Files.createDirectory(dir.resolve("folder.yaml"));
    assertTrue(problemsOf("extends: folder.yaml\n").contains("is not a regular file"));
  }
}
