package org.nashlab.api;

import static java.util.Objects.requireNonNull;

/**
 * A plugin refuses one of its settings for a reason its parameter record cannot check alone: thrown
 * from the plugin's constructor or from its {@code build}/{@code open}. Nash reports it as {@code
 * FILE: SECTION.KEY: message}, with every other problem of the experiment when it is found while
 * validating, as invalid input (exit code 2), without a stack trace and before any run is logged.
 *
 * <pre>{@code
 * public MyVariant(Params params) {
 *   if (params.heads() > params.width()) {
 *     throw new InvalidSettingException(
 *         "heads", "must be at most width (" + params.width() + "), got " + params.heads());
 *   }
 * }
 * }</pre>
 *
 * <p>Range checks of one value belong in the record's compact constructor ({@link ParamChecks});
 * what a variant cannot do with the experiment's data belongs in {@link Variant#problemsWith}.
 */
public class InvalidSettingException extends NashException {
  private static final long serialVersionUID = 1L;
  private final String key;

  /**
   * @param key the setting's key as written in YAML, relative to the plugin's section ({@code
   *     heads} for {@code variant.heads}); empty for the section as a whole
   * @param message what is wrong, naming the value and what was expected
   */
  public InvalidSettingException(String key, String message) {
    super(requireNonNull(message, "message"));
    this.key = requireNonNull(key, "key");
  }

  /** The setting's key relative to the plugin's section; empty for the whole section. */
  public String key() {
    return key;
  }

  /** The key under {@code section}, as a user finds it in the experiment. */
  public String keyIn(String section) {
    return key.isEmpty() ? section : section + "." + key;
  }

  @Override
  public int exitCode() {
    return 2;
  }
}
