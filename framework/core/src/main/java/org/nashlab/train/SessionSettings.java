package org.nashlab.train;

import org.nashlab.config.Device;
import org.tensorflow.DeviceSpec;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/** The TensorFlow session options and device placement every trial uses. */
final class SessionSettings {
  private SessionSettings() {}

  static ConfigProto configProto(Device device, ComputeConditions conditions) {
    ConfigProto.Builder config =
        ConfigProto.newBuilder()
            // Grappler's remapper mis-rewrites BiasAdd + LeakyRelu gradients
            // (docs/tensorflow-java.md, trap 3); turning it off costs about 5% speed.
            .setGraphOptions(
                GraphOptions.newBuilder()
                    .setRewriteOptions(
                        RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF)))
            // Ops without a GPU kernel fall back to the CPU instead of failing.
            .setAllowSoftPlacement(true)
            // Trials sharing a GPU take memory as they need it, not all of it at start.
            .setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true));
    if (device == Device.CPU) {
      config.putDeviceCount("GPU", 0);
    }
    if (conditions.threadsSet()) {
      // A sweep's share of the CPU for this trial: TensorFlow's pools default to every core.
      config
          .setIntraOpParallelismThreads(conditions.threads())
          .setInterOpParallelismThreads(conditions.threads());
    }
    return config.build();
  }

  /** The device graph ops are pinned to, if any. */
  static java.util.Optional<DeviceSpec> placement(Device device) {
    return device == Device.GPU
        ? java.util.Optional.of(
            DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU).deviceIndex(0).build())
        : java.util.Optional.empty();
  }
}
