package org.nashlab.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.CombinedConfiguration;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.interpol.DefaultLookups;
import org.apache.commons.configuration2.interpol.Lookup;
import org.apache.commons.configuration2.tree.OverrideCombiner;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads an experiment: the YAML file, the chain of files it {@code extends}, and {@code key=value}
 * overrides from the command line, merged key by key (later layers win).
 *
 * <p>Interpolation expands {@code ${env:NAME}}, {@code ${sys:name}} and {@code ${other.key}} only.
 * Every other lookup ({@code file}, {@code url}, {@code dns}, {@code script}, ...) stays unexpanded
 * and is reported by validation: a config file must not be able to read files or reach the network.
 */
public final class ExperimentLoader {
  static final String COMMAND_LINE = CommandLineOverrides.SOURCE;
  private static final int MAX_EXTENDS_DEPTH = 16;

  private ExperimentLoader() {}

  /**
   * @throws InvalidConfigException when a file is missing or not YAML, when {@code extends} loops,
   *     or when an override is not {@code key=value}
   */
  public static LayeredConfig load(Path file, List<String> overrides) {
    List<LayeredConfig.Layer> layers = new ArrayList<>();
    List<List<String>> emptied = new ArrayList<>();
    Map<String, Object> overrideTree = CommandLineOverrides.tree(overrides);
    List<ConfigError> shapeErrors =
        new ArrayList<>(ExperimentShape.check(COMMAND_LINE, overrideTree));
    layers.add(new LayeredConfig.Layer(COMMAND_LINE, overrideLayer(overrideTree)));
    emptied.add(emptyCollections(overrideTree, ""));
    List<Path> chain = new ArrayList<>();
    Path current = file.toAbsolutePath().normalize();
    String referrer = COMMAND_LINE;
    while (current != null) {
      if (chain.contains(current)) {
        throw single(
            referrer,
            "extends",
            "'"
                + current
                + "' is already in the extends chain "
                + chain
                + ": extends must not loop");
      }
      if (chain.size() == MAX_EXTENDS_DEPTH) {
        throw single(referrer, "extends", "more than " + MAX_EXTENDS_DEPTH + " levels of extends");
      }
      chain.add(current);
      Object parsed = parse(current, referrer);
      List<ConfigError> shape = ExperimentShape.check(display(current), parsed);
      shapeErrors.addAll(shape);
      if (!shape.isEmpty()) {
        break;
      }
      YAMLConfiguration yaml = configuration(display(current), parsed);
      layers.add(new LayeredConfig.Layer(display(current), yaml));
      emptied.add(emptyCollections(parsed, ""));
      String parent = yaml.getString("extends");
      referrer = display(current);
      current = parent == null ? null : base(current, parent, referrer);
    }
    if (!shapeErrors.isEmpty()) {
      throw new InvalidConfigException(shapeErrors);
    }
    dropSectionsOfReplacedPlugins(layers);
    clearWhatUpperLayersEmptied(layers, emptied);
    CombinedConfiguration merged = new CombinedConfiguration(new OverrideCombiner());
    layers.forEach(l -> merged.addConfiguration(l.config()));
    merged.clearTree("extends");
    Map<String, Lookup> allowed =
        Map.of(
            "env", DefaultLookups.ENVIRONMENT.getLookup(),
            "sys", DefaultLookups.SYSTEM_PROPERTIES.getLookup());
    merged.installInterpolator(allowed, List.of());
    return new LayeredConfig(file, merged, layers);
  }

  /**
   * A layer that names a different plugin for a section ({@code loss.name=hinge} over a file's
   * {@code minimax}) replaces that section: the parameters below it belonged to the other plugin.
   * Layers are highest priority first.
   */
  private static void dropSectionsOfReplacedPlugins(List<LayeredConfig.Layer> layers) {
    for (int i = 0; i < layers.size(); i++) {
      var upper = layers.get(i).config();
      List<String> sections = new ArrayList<>();
      upper
          .getKeys()
          .forEachRemaining(
              k -> {
                if (k.endsWith(".name") && upper.getList(k).size() == 1) {
                  sections.add(k.substring(0, k.length() - ".name".length()));
                }
              });
      for (String section : sections) {
        String chosen = upper.getString(section + ".name");
        String below =
            layers.subList(i + 1, layers.size()).stream()
                .map(l -> l.config().getString(section + ".name"))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(chosen);
        if (!below.equals(chosen)) {
          layers.subList(i + 1, layers.size()).forEach(l -> l.config().clearTree(section));
        }
      }
    }
  }

  /**
   * A layer that sets a key to an empty list or map ({@code regularizers: []}) empties it: what
   * lower layers put there is cleared, as it would be for any other value. Commons Configuration
   * keeps no node for an empty collection, so without this the base's list would silently stay.
   */
  private static void clearWhatUpperLayersEmptied(
      List<LayeredConfig.Layer> layers, List<List<String>> emptied) {
    for (int i = 0; i < layers.size(); i++) {
      for (String key : emptied.get(i)) {
        layers.subList(i + 1, layers.size()).forEach(l -> l.config().clearTree(key));
      }
    }
  }

  /** The dotted keys of {@code tree}'s maps whose value is an empty list or map. */
  private static List<String> emptyCollections(Object tree, String prefix) {
    List<String> keys = new ArrayList<>();
    if (tree instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = prefix + entry.getKey();
        Object value = entry.getValue();
        if ((value instanceof List<?> list && list.isEmpty())
            || (value instanceof Map<?, ?> inner && inner.isEmpty())) {
          keys.add(key);
        } else if (value instanceof Map<?, ?>) {
          keys.addAll(emptyCollections(value, key + "."));
        }
      }
    }
    return keys;
  }

  /**
   * The base file {@code parent} names, beside {@code file}. It must be a YAML file: an experiment
   * cannot pull in any readable file (and have its content echoed in an error).
   */
  private static Path base(Path file, String parent, String referrer) {
    Path base = file.resolveSibling(parent).normalize();
    String name = base.getFileName() == null ? "" : base.getFileName().toString();
    if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
      throw single(referrer, "extends", "'" + parent + "' is not a .yaml or .yml file");
    }
    if (Files.exists(base) && !Files.isRegularFile(base)) {
      throw single(referrer, "extends", "'" + parent + "' is not a regular file");
    }
    return base;
  }

  private static Object parse(Path file, String referrer) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw single(
          referrer,
          referrer.equals(COMMAND_LINE) ? "" : "extends",
          "file '" + display(file) + "' does not exist");
    } catch (IOException e) {
      throw single(display(file), "", "cannot be read: " + e.getMessage());
    }
    try {
      return CoreSchemaYaml.create().load(text);
    } catch (RuntimeException e) {
      throw new InvalidConfigException(List.of(YamlProblems.of(display(file), text, e)));
    }
  }

  /** The file {@code display}'s parsed YAML as a layer. */
  private static YAMLConfiguration configuration(String display, Object parsed) {
    try {
      return configuration(parsed);
    } catch (ConfigurationException | RuntimeException e) {
      throw single(display, "", "is not valid YAML: " + YamlProblems.describe(e));
    }
  }

  /** Overrides become one more YAML layer, so lists and maps override exactly as in a file. */
  private static YAMLConfiguration overrideLayer(Map<String, Object> tree) {
    try {
      return configuration(tree);
    } catch (ConfigurationException e) {
      throw new IllegalStateException("overrides did not round-trip through YAML", e);
    }
  }

  /**
   * A Commons Configuration view of YAML already parsed with the core schema. Dumping quotes any
   * key YAML 1.1 would misread ({@code 'on'}), so Commons Configuration's own parser keeps it.
   */
  private static YAMLConfiguration configuration(Object parsed) throws ConfigurationException {
    YAMLConfiguration yaml = new YAMLConfiguration();
    // A layer is read raw; only the merged configuration interpolates, with Nash's lookups.
    yaml.setInterpolator(null);
    // Dumped with YAML 1.1's resolver, which quotes what YAML 1.1 would misread.
    yaml.read(new StringReader(parsed == null ? "{}" : new Yaml().dump(parsed)));
    return yaml;
  }

  private static InvalidConfigException single(String source, String key, String message) {
    return new InvalidConfigException(List.of(new ConfigError(source, key, message)));
  }

  public static String display(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
  }
}
