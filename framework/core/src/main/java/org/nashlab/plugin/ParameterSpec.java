package org.nashlab.plugin;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;

/**
 * One parameter of a plugin, read off a component of its parameter record.
 *
 * @param key the YAML key, kebab-case
 * @param type the Java type
 * @param defaultValue the default as written in YAML, empty when the parameter is required
 * @param doc the one-line description
 */
public record ParameterSpec(String key, Class<?> type, Optional<String> defaultValue, String doc) {

  static List<ParameterSpec> of(Class<? extends Record> params) {
    return Arrays.stream(params.getRecordComponents()).map(ParameterSpec::of).toList();
  }

  private static ParameterSpec of(RecordComponent component) {
    Default def = component.getAnnotation(Default.class);
    Doc doc = component.getAnnotation(Doc.class);
    return new ParameterSpec(
        kebab(component.getName()),
        component.getType(),
        Optional.ofNullable(def).map(Default::value),
        doc == null ? "" : doc.value());
  }

  /**
   * The default as Nash reads it, in the parameter's type: {@code 10.0} for a number whose
   * {@code @Default} says {@code 10}; as written if it is not of the type (the plugin contract
   * reports that).
   */
  public Optional<String> readDefault() {
    return defaultValue.map(
        text -> {
          try {
            return String.valueOf(ParameterBinder.asWritten(ParameterBinder.convert(text, type)));
          } catch (IllegalArgumentException e) {
            return text;
          }
        });
  }

  /** The type as a user would name it: number, integer, true|false, text, or the enum's values. */
  public String typeName() {
    if (type == double.class || type == float.class) {
      return "number";
    }
    if (type == int.class || type == long.class) {
      return "integer";
    }
    if (type == boolean.class) {
      return "true|false";
    }
    if (type.isEnum()) {
      return String.join(
          "|", Arrays.stream(type.getEnumConstants()).map(c -> kebab(c.toString())).toList());
    }
    return "text";
  }

  /** {@code learningRate} and {@code LEARNING_RATE} become {@code learning-rate}. */
  static String kebab(String name) {
    if (name.equals(name.toUpperCase(Locale.ROOT))) {
      return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
    return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
