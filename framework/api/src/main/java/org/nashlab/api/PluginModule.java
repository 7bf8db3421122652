package org.nashlab.api;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;

/**
 * The entry point of a plugin jar: a Guice module that registers plugins by name.
 *
 * <pre>{@code
 * public final class MyPlugins extends PluginModule {
 *   @Override
 *   protected void configurePlugins() {
 *     losses().add("my-loss", MyLoss.class);
 *   }
 * }
 * }</pre>
 *
 * List the module's class name in {@code META-INF/services/org.nashlab.api.PluginModule}. A plugin
 * class has one public constructor (no {@code @Inject} needed); a constructor parameter whose type
 * is a record is the plugin's parameters, bound from the YAML subtree. Other parameters are
 * injected framework services.
 */
public abstract class PluginModule extends AbstractModule {

  @Override
  protected final void configure() {
    configurePlugins();
  }

  /** Registers this module's plugins through {@link #losses()}, {@link #variants()} and so on. */
  protected abstract void configurePlugins();

  protected final Registrar<Variant> variants() {
    return new Registrar<>(PluginKind.VARIANT);
  }

  protected final Registrar<Loss> losses() {
    return new Registrar<>(PluginKind.LOSS);
  }

  protected final Registrar<Optimizer> optimizers() {
    return new Registrar<>(PluginKind.OPTIMIZER);
  }

  protected final Registrar<Regularizer> regularizers() {
    return new Registrar<>(PluginKind.REGULARIZER);
  }

  protected final Registrar<Metric> metrics() {
    return new Registrar<>(PluginKind.METRIC);
  }

  protected final Registrar<Dataset> datasets() {
    return new Registrar<>(PluginKind.DATASET);
  }

  protected final Registrar<Features> features() {
    return new Registrar<>(PluginKind.FEATURES);
  }

  protected final Registrar<Executor> executors() {
    return new Registrar<>(PluginKind.EXECUTOR);
  }

  protected final Registrar<Tracker> trackers() {
    return new Registrar<>(PluginKind.TRACKER);
  }

  /** Where this module was loaded from, named in duplicate-name errors. */
  public final String source() {
    var codeSource = getClass().getProtectionDomain().getCodeSource();
    String where = codeSource == null ? "unknown location" : codeSource.getLocation().toString();
    return getClass().getName() + " (" + where + ")";
  }

  /** Registers plugins of one kind under names. */
  protected final class Registrar<T> {
    private final PluginKind kind;

    private Registrar(PluginKind kind) {
      this.kind = kind;
    }

    /** Registers {@code type} under {@code name}; returns this registrar for chaining. */
    public Registrar<T> add(String name, Class<? extends T> type) {
      Multibinder.newSetBinder(binder(), PluginSpec.class)
          .addBinding()
          .toInstance(new PluginSpec(kind, name, type, source()));
      return this;
    }
  }
}
