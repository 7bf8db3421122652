package org.nashlab.plugin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds YAML values to a plugin's parameter record: kebab-case keys to components, defaults from
 * {@code @Default}, range checks from the record's compact constructor. Every problem is collected;
 * none stops the others from being found.
 */
public final class ParameterBinder {
  private ParameterBinder() {}

  /** A value that could not be bound, by key relative to the plugin's YAML subtree. */
  public record Problem(String key, String message) {}

  /** The bound record, present only when there were no problems. */
  public record Binding<R extends Record>(Optional<R> value, List<Problem> problems) {}

  /** Binds {@code values} (key to text as written in YAML) to a new {@code type} record. */
  public static <R extends Record> Binding<R> bind(Class<R> type, Map<String, String> values) {
    List<Problem> problems = new ArrayList<>();
    RecordComponent[] components = type.getRecordComponents();
    List<ParameterSpec> specs = ParameterSpec.of(type);
    List<String> keys = specs.stream().map(ParameterSpec::key).toList();
    for (String key : values.keySet()) {
      if (!keys.contains(key)) {
        problems.add(
            new Problem(key, "is not a parameter" + Suggestions.hint(key, "Parameters", keys)));
      }
    }
    Object[] args = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      ParameterSpec spec = specs.get(i);
      Optional<String> text = Optional.ofNullable(values.get(spec.key())).or(spec::defaultValue);
      if (text.isEmpty()) {
        problems.add(new Problem(spec.key(), "is required (" + spec.typeName() + ")"));
        continue;
      }
      try {
        args[i] = convert(text.get(), components[i].getType());
      } catch (IllegalArgumentException e) {
        problems.add(
            new Problem(
                spec.key(), UserText.quoted(text.get()) + " is not " + article(spec.typeName())));
      }
    }
    if (!problems.isEmpty()) {
      return new Binding<>(Optional.empty(), problems);
    }
    return construct(type, components, specs, args);
  }

  /**
   * Runs the record's compact constructor. It stops at the first range check that fails, so after
   * each failure the offending value is put back to its default and construction is tried again:
   * every independent range problem is reported at once.
   */
  private static <R extends Record> Binding<R> construct(
      Class<R> type, RecordComponent[] components, List<ParameterSpec> specs, Object[] args) {
    List<Problem> problems = new ArrayList<>();
    List<String> keys = specs.stream().map(ParameterSpec::key).toList();
    for (int attempt = 0; attempt <= components.length; attempt++) {
      try {
        var constructor =
            type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        constructor.setAccessible(true);
        R value = constructor.newInstance(args);
        return new Binding<>(problems.isEmpty() ? Optional.of(value) : Optional.empty(), problems);
      } catch (InvocationTargetException e) {
        String message = String.valueOf(e.getCause().getMessage());
        int index = indexOfKeyStarting(message, keys);
        String key = index < 0 ? "" : keys.get(index);
        problems.add(
            new Problem(key, key.isEmpty() ? message : message.substring(key.length() + 1)));
        Optional<String> fallback = index < 0 ? Optional.empty() : specs.get(index).defaultValue();
        if (fallback.isEmpty()) {
          break;
        }
        Object reset = convert(fallback.get(), components[index].getType());
        if (reset.equals(args[index])) {
          break;
        }
        args[index] = reset;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot construct " + type.getName(), e);
      }
    }
    return new Binding<>(Optional.empty(), problems);
  }

  private static int indexOfKeyStarting(String message, List<String> keys) {
    for (int i = 0; i < keys.size(); i++) {
      if (message.startsWith(keys.get(i) + " ")) {
        return i;
      }
    }
    return -1;
  }

  /** A bound value as YAML holds it: enum constants in kebab-case. */
  static Object asWritten(Object value) {
    return value instanceof Enum<?> e ? ParameterSpec.kebab(e.name()) : value;
  }

  /** The record's values keyed as in YAML, in declaration order: the resolved configuration. */
  public static Map<String, Object> unbind(Record params) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent c : params.getClass().getRecordComponents()) {
      try {
        var accessor = c.getAccessor();
        accessor.setAccessible(true);
        Object value = accessor.invoke(params);
        values.put(ParameterSpec.kebab(c.getName()), asWritten(value));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c, e);
      }
    }
    return values;
  }

  /**
   * {@code text} read as a value of {@code type}.
   *
   * @throws IllegalArgumentException if it is not one
   */
  static Object convert(String text, Class<?> type) {
    String t = text.trim();
    if (type == String.class) {
      return text;
    }
    if (type == double.class) {
      return finite(Double.parseDouble(t));
    }
    if (type == float.class) {
      return (float) finite(Float.parseFloat(t));
    }
    if (type == int.class) {
      return Integer.parseInt(t);
    }
    if (type == long.class) {
      return Long.parseLong(t);
    }
    if (type == boolean.class) {
      if (t.equals("true") || t.equals("false")) {
        return Boolean.parseBoolean(t);
      }
      throw new IllegalArgumentException(t);
    }
    if (type.isEnum()) {
      for (Object constant : type.getEnumConstants()) {
        if (ParameterSpec.kebab(constant.toString()).equals(t)) {
          return constant;
        }
      }
      throw new IllegalArgumentException(t);
    }
    throw new IllegalStateException("parameter type " + type.getName() + " is not supported");
  }

  /** Infinity and NaN are never a setting: they would only reach the graph as a broken number. */
  private static double finite(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not finite");
    }
    return value;
  }

  private static String article(String typeName) {
    if (typeName.equals("number")) {
      return "a finite number";
    }
    return typeName.contains("|") ? "one of " + typeName : "a valid " + typeName;
  }
}
