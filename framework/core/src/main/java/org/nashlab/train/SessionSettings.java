package org.nashlab.train;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/** The TensorFlow session options every trial uses. */
final class SessionSettings {
  private SessionSettings() {}

  static ConfigProto configProto() {
    // Grappler's remapper mis-rewrites BiasAdd + LeakyRelu gradients (notes/tensorflow-java.md,
    // trap 3); turning it off costs about 5% speed and keeps fetches valid.
    return ConfigProto.newBuilder()
        .setGraphOptions(
            GraphOptions.newBuilder()
                .setRewriteOptions(
                    RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF)))
        .build();
  }
}
