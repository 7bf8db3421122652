package org.nashlab.plugin;

import com.google.inject.Key;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nashlab.api.PluginSpec;

/**
 * Whether Nash can build a registered plugin class: a public, concrete, top-level or static class
 * with one public constructor, whose parameters are at most one record (the plugin's parameters, of
 * types Nash binds) and framework services. Checked at discovery, so that a plugin that could never
 * be built is reported with its fix instead of failing in Guice when a run starts.
 */
final class PluginShape {
  static final String FIX =
      "use one public constructor whose record parameter is the plugin's parameters";
  private static final List<Class<?>> VALUE_TYPES =
      List.of(String.class, double.class, float.class, int.class, long.class, boolean.class);

  private PluginShape() {}

  /**
   * What keeps {@code spec} from being built, with the fix, in one line; empty when nothing does.
   *
   * @param services the framework services a plugin may inject
   */
  static Optional<String> problem(PluginSpec spec, Set<Key<?>> services) {
    Class<?> type = spec.type();
    int modifiers = type.getModifiers();
    List<String> wrong = new ArrayList<>();
    if (!Modifier.isPublic(modifiers)) {
      wrong.add("the class is not public");
    }
    if (Modifier.isAbstract(modifiers)) {
      wrong.add("the class is abstract");
    }
    if (type.isMemberClass() && !Modifier.isStatic(modifiers)) {
      wrong.add("the class is an inner class; make it static");
    }
    Constructor<?>[] constructors = type.getConstructors();
    if (constructors.length != 1) {
      wrong.add("it has " + constructors.length + " public constructors");
    } else {
      wrong.addAll(parameterProblems(constructors[0], services));
    }
    if (wrong.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        spec.kind().label()
            + " '"
            + spec.name()
            + "' ("
            + type.getName()
            + ") cannot be built: "
            + String.join(", ", wrong)
            + "; "
            + FIX
            + "; any other parameter must be a framework service ("
            + (services.isEmpty()
                ? "none is bound"
                : String.join(
                    ", ",
                    services.stream().map(k -> k.getTypeLiteral().toString()).sorted().toList()))
            + ")");
  }

  private static List<String> parameterProblems(Constructor<?> constructor, Set<Key<?>> services) {
    List<String> wrong = new ArrayList<>();
    Parameter[] parameters = constructor.getParameters();
    long records = Arrays.stream(parameters).filter(p -> p.getType().isRecord()).count();
    if (records > 1) {
      wrong.add("its constructor takes " + records + " records");
    }
    for (Parameter p : parameters) {
      if (p.getType().isRecord()) {
        wrong.addAll(componentProblems(p.getType()));
      } else if (!services.contains(Key.get(p.getParameterizedType()))) {
        wrong.add(
            "its constructor "
                + signature(constructor)
                + " takes a "
                + p.getParameterizedType().getTypeName()
                + ", which is neither a record nor a framework service");
      }
    }
    return wrong;
  }

  /** Parameters of a type the YAML binder cannot read would fail when an experiment sets them. */
  private static List<String> componentProblems(Class<?> params) {
    List<String> wrong = new ArrayList<>();
    for (RecordComponent c : params.getRecordComponents()) {
      if (!VALUE_TYPES.contains(c.getType()) && !c.getType().isEnum()) {
        wrong.add(
            "parameter '"
                + ParameterSpec.kebab(c.getName())
                + "' of "
                + params.getSimpleName()
                + " is a "
                + c.getGenericType().getTypeName()
                + " (a parameter is a String, double, float, int, long, boolean or an enum)");
      }
    }
    return wrong;
  }

  private static String signature(Constructor<?> constructor) {
    return constructor.getDeclaringClass().getSimpleName()
        + "("
        + String.join(
            ", ", Arrays.stream(constructor.getParameterTypes()).map(Class::getSimpleName).toList())
        + ")";
  }
}
