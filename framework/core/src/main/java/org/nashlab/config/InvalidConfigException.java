package org.nashlab.config;

import java.util.List;
import java.util.stream.Collectors;
import org.nashlab.api.NashException;

/** An experiment that cannot run as written; carries every problem found. Exit code 2. */
public final class InvalidConfigException extends NashException {
  private static final long serialVersionUID = 1L;
  private final transient List<ConfigError> errors;

  public InvalidConfigException(List<ConfigError> errors) {
    super(
        errors.size()
            + (errors.size() == 1 ? " problem" : " problems")
            + " in the experiment:\n"
            + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<ConfigError> errors() {
    return errors;
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
