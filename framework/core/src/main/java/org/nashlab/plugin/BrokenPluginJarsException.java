package org.nashlab.plugin;

import java.util.List;
import org.nashlab.api.EnvironmentException;

/** Jars of the plugins folder that cannot be loaded, each with its cause. */
public final class BrokenPluginJarsException extends EnvironmentException {
  private static final long serialVersionUID = 1L;

  BrokenPluginJarsException(List<BrokenPluginJar> jars) {
    super(
        (jars.size() == 1
                ? "A plugin jar is broken; remove it from the plugins folder"
                : jars.size() + " plugin jars are broken; remove each from the plugins folder")
            + ", or rebuild it and copy it in again:\n  "
            + String.join("\n  ", jars.stream().map(BrokenPluginJar::getMessage).toList()));
  }
}
