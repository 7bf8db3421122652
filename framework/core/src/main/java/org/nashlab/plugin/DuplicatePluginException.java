package org.nashlab.plugin;

import java.util.List;
import org.nashlab.api.EnvironmentException;

/** Two plugin modules registered the same name for the same kind. */
public final class DuplicatePluginException extends EnvironmentException {
  private static final long serialVersionUID = 1L;

  DuplicatePluginException(List<String> problems) {
    super(
        "Plugins clash; remove one of each pair from the classpath or the plugins folder:\n  "
            + String.join("\n  ", problems));
  }
}
