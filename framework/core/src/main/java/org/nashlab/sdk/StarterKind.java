package org.nashlab.sdk;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of plugin {@code nash plugins new} starts a project for. Each writes a working example
 * of its kind, a test of it against a known answer beside the plugin contract, and an experiment
 * that uses it.
 */
public enum StarterKind {
  /** An adversarial loss: least squares with its three targets as parameters. */
  LOSS("losses", "the least-squares loss with its targets a, b and c as parameters"),
  /** A gradient penalty (a {@code LossTerm}): the zero-centred penalty GP-0. */
  REGULARIZER("regularizers", "GP-0, a zero-centred gradient penalty at interpolates"),
  /** A GAN family: a small residual GAN for square images. */
  VARIANT("variants", "a residual GAN for square images (upsampling G, pooling D)"),
  /** A data source: two interleaved half circles in the plane. */
  DATASET("datasets", "two interleaved half circles in 2-D (two moons)");

  private final String registrar;
  private final String example;

  StarterKind(String registrar, String example) {
    this.registrar = registrar;
    this.example = example;
  }

  /** The name as typed on the command line: {@code regularizer}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The {@code PluginModule} method that registers plugins of this kind. */
  String registrar() {
    return registrar;
  }

  /** What the generated project's plugin does, for the summary printed after writing it. */
  public String example() {
    return example;
  }

  /** The kind labelled {@code label}, if there is one. */
  public static Optional<StarterKind> byLabel(String label) {
    return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst();
  }
}
