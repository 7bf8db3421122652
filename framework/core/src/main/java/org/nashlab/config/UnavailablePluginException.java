package org.nashlab.config;

import java.util.List;
import java.util.stream.Collectors;
import org.nashlab.api.EnvironmentException;

/**
 * An experiment names a plugin that discovery had to leave out: one whose class Nash cannot build,
 * or, when a plugin jar did not load, a name no loaded plugin has. The experiment may be right; a
 * jar must be fixed first, so this is exit 3. Carries the experiment's other problems too.
 */
public final class UnavailablePluginException extends EnvironmentException {
  private static final long serialVersionUID = 1L;

  UnavailablePluginException(List<ConfigError> unavailable, List<ConfigError> others) {
    super(
        lines(
                unavailable,
                unavailable.size() == 1
                    ? "The experiment names a plugin Nash could not load; fix its jar (nash plugins"
                        + " lists each problem):"
                    : "The experiment names "
                        + unavailable.size()
                        + " plugins Nash could not load; fix their jars (nash plugins lists each"
                        + " problem):")
            + (others.isEmpty() ? "" : "\n" + new InvalidConfigException(others).getMessage()));
  }

  private static String lines(List<ConfigError> errors, String header) {
    return header + errors.stream().map(e -> "\n  " + e).collect(Collectors.joining());
  }
}
