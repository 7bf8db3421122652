package org.nashlab.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML with YAML 1.2's core schema for booleans: only {@code true} and {@code false}. YAML 1.1
 * also reads {@code on}, {@code off}, {@code yes}, {@code no} as booleans, which would turn a
 * technique's {@code on: discriminator} into {@code true: discriminator}. A key given twice in one
 * map is an error.
 */
public final class CoreSchemaYaml {
  private CoreSchemaYaml() {}

  public static Yaml create() {
    LoaderOptions loading = new LoaderOptions();
    // A duplicate key is an error with its line, not a silent last-one-wins.
    loading.setAllowDuplicateKeys(false);
    DumperOptions dumping = new DumperOptions();
    return new Yaml(
        new SafeConstructor(loading),
        new Representer(dumping),
        dumping,
        loading,
        new CoreResolver());
  }

  private static final class CoreResolver extends Resolver {
    private static final Pattern BOOLEAN =
        Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
