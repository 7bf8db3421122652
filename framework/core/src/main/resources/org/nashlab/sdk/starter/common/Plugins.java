package {{package}};

import org.nashlab.api.PluginModule;

/**
 * The jar's entry point: registers its plugins by name. Nash finds it through {@code
 * META-INF/services/org.nashlab.api.PluginModule}, which names this class.
 */
public final class {{class}}Plugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    {{registrar}}().add("{{name}}", {{class}}.class);
  }
}
