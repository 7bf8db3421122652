package org.nashlab.train;

import java.util.function.Supplier;

/**
 * A plugin refused the experiment while the trial was built, with an {@link
 * IllegalArgumentException} ("DCGAN needs square images..."): an error in the experiment's section
 * {@link #section()}, reported like any other configuration error.
 */
final class PluginFailure extends RuntimeException {
  private final String section;

  PluginFailure(String section, IllegalArgumentException cause) {
    super(section + ": " + cause.getMessage(), cause);
    this.section = section;
  }

  /** The section of the experiment the plugin was configured in, such as {@code variant}. */
  String section() {
    return section;
  }

  /** The plugin's result; its refusal becomes a failure of {@code section}. */
  static <T> T of(String section, Supplier<T> plugin) {
    try {
      return plugin.get();
    } catch (PluginFailure alreadyNamed) {
      throw alreadyNamed;
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
