package org.nashlab.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.Elements;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nashlab.api.PluginKind;
import org.nashlab.api.PluginSpec;

/**
 * Every plugin Nash knows, by kind and name, and the injector that builds them.
 *
 * <pre>{@code
 * PluginRegistry plugins = PluginRegistry.discover(home.pluginsFolder(), services);
 * PluginSpec hinge = plugins.find(PluginKind.LOSS, "hinge").orElseThrow();
 * Loss loss = plugins.create(hinge, params, Loss.class);
 * }</pre>
 */
public final class PluginRegistry {
  private final Map<PluginKind, Map<String, PluginSpec>> byKind;
  private final Injector injector;
  private final Map<String, String> jars;
  private final List<DiscoveryProblem> unloaded;
  private final Map<PluginKind, Map<String, DiscoveryProblem>> unusable;

  private PluginRegistry(
      Map<PluginKind, Map<String, PluginSpec>> byKind,
      Injector injector,
      Map<String, String> jars,
      List<DiscoveryProblem> unloaded,
      Map<PluginKind, Map<String, DiscoveryProblem>> unusable) {
    this.byKind = byKind;
    this.injector = injector;
    this.jars = jars;
    this.unloaded = unloaded;
    this.unusable = unusable;
  }

  /** The file name and SHA-256 of each jar of the plugins folder that loaded, in load order. */
  public Map<String, String> jars() {
    return jars;
  }

  /**
   * Loads the plugin modules on the classpath and in the jars of {@code pluginsFolder}, with {@code
   * services} binding the framework services plugins may inject. What cannot be used is left out
   * and listed in {@link #problems()}.
   *
   * @throws DuplicatePluginException if two modules register one name for one kind
   */
  public static PluginRegistry discover(Path pluginsFolder, Module services) {
    return discoverJars(PluginLoader.jarsIn(pluginsFolder), services);
  }

  /**
   * Like {@link #discover}, with the classpath's modules and those of {@code pluginJars} only.
   *
   * @throws DuplicatePluginException if two modules register one name for one kind
   */
  public static PluginRegistry discoverJars(List<Path> pluginJars, Module services) {
    PluginLoader.Found found = PluginLoader.load(PluginRegistry.class.getClassLoader(), pluginJars);
    List<Module> all = new ArrayList<>(found.modules());
    all.add(services);
    all.add(
        new AbstractModule() {
          @Override
          protected void configure() {
            // An empty set rather than a missing binding when no module registers anything.
            com.google.inject.multibindings.Multibinder.newSetBinder(binder(), PluginSpec.class);
          }
        });
    Injector injector = Guice.createInjector(all);
    Set<PluginSpec> specs = injector.getInstance(Key.get(new TypeLiteral<Set<PluginSpec>>() {}));
    Set<Key<?>> serviceKeys = serviceKeys(services);
    Map<PluginKind, Map<String, DiscoveryProblem>> unusable = new LinkedHashMap<>();
    List<PluginSpec> usable = new ArrayList<>();
    for (PluginSpec spec : specs) {
      PluginShape.problem(spec, serviceKeys)
          .ifPresentOrElse(
              problem ->
                  unusable
                      .computeIfAbsent(spec.kind(), k -> new LinkedHashMap<>())
                      .put(spec.name(), new DiscoveryProblem(locationOf(spec), problem)),
              () -> usable.add(spec));
    }
    return new PluginRegistry(
        index(usable),
        injector,
        Collections.unmodifiableMap(found.jars()),
        List.copyOf(found.problems()),
        unusable);
  }

  /** The keys {@code services} binds: what a plugin's constructor may take besides its record. */
  private static Set<Key<?>> serviceKeys(Module services) {
    return Elements.getElements(services).stream()
        .filter(Binding.class::isInstance)
        .map(b -> ((Binding<?>) b).getKey())
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Everything discovery left out, one line each: jars and classpath locations whose modules could
   * not be used, then plugins that cannot be built.
   */
  public List<DiscoveryProblem> problems() {
    List<DiscoveryProblem> all = new ArrayList<>(unloaded);
    unusable.values().forEach(byName -> all.addAll(byName.values()));
    return all;
  }

  /**
   * The jars and classpath locations none or only some of whose plugins were registered: an unknown
   * plugin name may be one of theirs.
   */
  public List<DiscoveryProblem> unloaded() {
    return unloaded;
  }

  /** Why the plugin registered as {@code name} cannot be built, if it is one that cannot. */
  public Optional<DiscoveryProblem> unusable(PluginKind kind, String name) {
    return Optional.ofNullable(unusable.getOrDefault(kind, Map.of()).get(name));
  }

  private static Map<PluginKind, Map<String, PluginSpec>> index(List<PluginSpec> specs) {
    Map<PluginKind, Map<String, PluginSpec>> byKind = new LinkedHashMap<>();
    List<String> clashes = new ArrayList<>();
    specs.stream()
        .sorted(Comparator.comparing(PluginSpec::name))
        .forEach(
            spec -> {
              PluginSpec earlier =
                  byKind
                      .computeIfAbsent(spec.kind(), k -> new LinkedHashMap<>())
                      .putIfAbsent(spec.name(), spec);
              if (earlier != null) {
                clashes.add(
                    spec.kind().label()
                        + " '"
                        + spec.name()
                        + "' is registered by "
                        + earlier.source()
                        + " and by "
                        + spec.source());
              }
            });
    if (!clashes.isEmpty()) {
      throw new DuplicatePluginException(clashes);
    }
    return byKind;
  }

  public Optional<PluginSpec> find(PluginKind kind, String name) {
    return Optional.ofNullable(byKind.getOrDefault(kind, Map.of()).get(name));
  }

  /** The plugins of one kind, sorted by name. */
  public List<PluginSpec> all(PluginKind kind) {
    return List.copyOf(byKind.getOrDefault(kind, Map.of()).values());
  }

  public List<String> names(PluginKind kind) {
    return all(kind).stream().map(PluginSpec::name).toList();
  }

  /** The jar or classes folder the plugin's class was loaded from, as problems name it. */
  public static String locationOf(PluginSpec spec) {
    return PluginLoader.locationOf(spec.type());
  }

  /** The plugin's parameter record type, if it takes parameters. */
  public static Optional<Class<? extends Record>> parametersOf(PluginSpec spec) {
    List<Class<?>> records =
        Arrays.stream(constructorOf(spec.type()).getParameterTypes())
            .filter(Class::isRecord)
            .toList();
    if (records.size() > 1) {
      throw new IllegalStateException(
          spec.type().getName() + " takes more than one record; a plugin has one parameter record");
    }
    return records.stream().findFirst().map(c -> c.asSubclass(Record.class));
  }

  /** The parameters of a plugin, for help and for validation. */
  public static List<ParameterSpec> parameterSpecs(PluginSpec spec) {
    return parametersOf(spec).map(ParameterSpec::of).orElse(List.of());
  }

  /** Builds the plugin with its bound parameters and any framework services it injects. */
  public <T> T create(PluginSpec spec, Optional<? extends Record> params, Class<T> as) {
    Injector child =
        injector.createChildInjector(
            new AbstractModule() {
              @Override
              protected void configure() {
                params.ifPresent(p -> bindParams(binder(), p));
                bindConstructor(binder(), spec.type());
              }
            });
    try {
      return as.cast(child.getInstance(spec.type()));
    } catch (ProvisionException e) {
      // The plugin's constructor threw: its own exception (an InvalidSettingException names the
      // setting) says more than Guice's list of errors around it.
      if (e.getCause() instanceof RuntimeException thrown) {
        throw thrown;
      }
      throw e;
    }
  }

  @SuppressWarnings("unchecked")
  private static <R extends Record> void bindParams(com.google.inject.Binder binder, R params) {
    binder.bind((Class<R>) params.getClass()).toInstance(params);
  }

  /** Plugins need no {@code @Inject}: their one public constructor is the one to use. */
  @SuppressWarnings("unchecked")
  private static <T> void bindConstructor(com.google.inject.Binder binder, Class<T> type) {
    binder.bind(type).toConstructor((Constructor<T>) constructorOf(type));
  }

  private static Constructor<?> constructorOf(Class<?> type) {
    Constructor<?>[] publics =
        Arrays.stream(type.getConstructors())
            .filter(c -> Modifier.isPublic(c.getModifiers()))
            .toArray(Constructor<?>[]::new);
    if (publics.length != 1) {
      throw new IllegalStateException(
          type.getName() + " must have exactly one public constructor, has " + publics.length);
    }
    return publics[0];
  }
}
