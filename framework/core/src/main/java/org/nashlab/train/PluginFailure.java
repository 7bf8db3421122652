package org.nashlab.train;

import java.util.function.Supplier;
import org.nashlab.api.InvalidSettingException;

/**
 * A plugin refused the experiment while the trial was built, with an {@link
 * IllegalArgumentException} ("DCGAN needs square images...") or an {@link InvalidSettingException}
 * naming one of its settings: an error at {@link #key()}, reported like any other configuration
 * error.
 */
final class PluginFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final String reason;

  PluginFailure(String section, IllegalArgumentException cause) {
    this(section, cause.getMessage(), cause);
  }

  private PluginFailure(String key, String reason, RuntimeException cause) {
    super(key + ": " + reason, cause);
    this.key = key;
    this.reason = reason;
  }

  /**
   * Where in the experiment: the section the plugin was configured in, such as {@code variant}, or
   * the setting under it that an {@link InvalidSettingException} names.
   */
  String key() {
    return key;
  }

  /** What the plugin said is wrong. */
  String reason() {
    return reason;
  }

  /** The plugin's result; its refusal becomes a failure of {@code section}. */
  static <T> T of(String section, Supplier<T> plugin) {
    try {
      return plugin.get();
    } catch (PluginFailure alreadyNamed) {
      throw alreadyNamed;
    } catch (InvalidSettingException e) {
      throw new PluginFailure(e.keyIn(section), e.getMessage(), e);
    } catch (org.tensorflow.exceptions.TFInvalidArgumentException e) {
      // TensorFlow refusing an op the plugin built (a shape that does not fit): still this
      // section's problem, but say whose words these are.
      throw new PluginFailure(
          section,
          new IllegalArgumentException(
              "TensorFlow refused the graph this plugin built: "
                  + e.getMessage().lines().findFirst().orElse(""),
              e));
    } catch (IllegalArgumentException e) {
      throw new PluginFailure(section, e);
    }
  }
}
