package org.nashlab.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashlab.config.ExperimentBinder;
import org.nashlab.config.ExperimentLoader;
import org.nashlab.config.InvalidConfigException;
import org.nashlab.config.NashHome;

/**
 * What an outside plugin refuses while validating: a setting its constructor rejects with an
 * InvalidSettingException, and data its variant cannot train on.
 */
class PluginRefusalTest {
  @TempDir Path plugins;
  @TempDir Path work;
  private PluginRegistry registry;

  @BeforeEach
  void discoverAnAuthorsJar() {
    PluginJars jars = new PluginJars(plugins, work);
    jars.moduleJar(
        "author.jar",
        jars.compile(
            Map.of(
                "author.Plugins",
                """
                package author;

                import java.util.List;
                import java.util.Optional;
                import org.nashlab.api.*;

                public final class Plugins extends PluginModule {
                  public static final class Heads implements Variant {
                    public record Params(@Default("8") int width, @Default("2") int heads) {}

                    public Heads(Params params) {
                      if (params.heads() > params.width()) {
                        throw new InvalidSettingException(
                            "heads",
                            "must be at most width (" + params.width() + "), got " + params.heads());
                      }
                    }

                    public TrainingProgram build(VariantContext context) {
                      return null;
                    }

                    public List<String> problemsWith(DataDescription data) {
                      return data.ofSingleStream(
                          real ->
                              real.image()
                                  ? List.of()
                                  : List.of("needs images; its samples have shape " + real.shape()));
                    }
                  }

                  public static final class Points implements Dataset {
                    public DataSource open(DatasetContext context) {
                      return null;
                    }

                    public Optional<SampleFormat> format() {
                      return Optional.of(SampleFormat.unlabelled(2));
                    }
                  }

                  @Override
                  protected void configurePlugins() {
                    variants().add("heads", Heads.class);
                    datasets().add("points", Points.class);
                  }
                }
                """)),
        "author.Plugins");
    registry = PluginRegistry.discover(plugins, new FrameworkServices(new NashHome(work, plugins)));
  }

  @Test
  void aConstructorsInvalidSettingIsAnErrorAtTheSettingItNames() throws Exception {
    List<String> errors = errors("variant: { name: heads, heads: 9 }\ndataset: { name: points }\n");
    assertTrue(
        errors.contains(file + ": variant.heads: must be at most width (8), got 9"),
        errors.toString());
  }

  @Test
  void aVariantThatCannotUseTheDatasetIsRefusedNamingBoth() throws Exception {
    List<String> errors = errors("variant: { name: heads }\ndataset: { name: points }\n");
    assertTrue(
        errors.contains(
            file
                + ": variant: 'heads' cannot train on dataset 'points': needs images; its samples"
                + " have shape [2]"),
        errors.toString());
  }

  @Test
  void aOneStreamVariantRefusesNamedStreams() throws Exception {
    List<String> errors =
        errors(
            "variant: { name: heads }\n"
                + "datasets:\n  a: { name: points }\n  b: { name: points }\n");
    assertTrue(
        errors.contains(
            file
                + ": variant: 'heads' cannot train on datasets.a 'points', datasets.b 'points':"
                + " reads one data stream, a dataset: section; this experiment names the streams"
                + " a, b"),
        errors.toString());
  }

  private Path file;

  private List<String> errors(String yaml) throws Exception {
    file = Files.writeString(work.resolve("author.yaml"), yaml);
    InvalidConfigException e =
        assertThrows(
            InvalidConfigException.class,
            () -> ExperimentBinder.bind(ExperimentLoader.load(file, List.of()), registry));
    assertEquals(2, e.exitCode());
    return e.errors().stream().map(Object::toString).toList();
  }
}
