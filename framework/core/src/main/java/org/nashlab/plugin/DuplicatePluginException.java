package org.nashlab.plugin;

import java.util.List;
import org.nashlab.api.EnvironmentException;

/** Two plugin modules registered the same name for the same kind. */
public final class DuplicatePluginException extends EnvironmentException {
  private static final long serialVersionUID = 1L;

  private final transient List<String> clashes;

  DuplicatePluginException(List<String> clashes) {
    super(
        "Plugins clash; remove one of each pair from the classpath or the plugins folder:\n  "
            + String.join("\n  ", clashes));
    this.clashes = List.copyOf(clashes);
  }

  /** Each clash in one line, naming the kind, the name and both sources. */
  public List<String> clashes() {
    return clashes;
  }
}
