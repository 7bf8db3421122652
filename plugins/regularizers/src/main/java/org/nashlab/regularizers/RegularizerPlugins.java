package org.nashlab.regularizers;

import org.nashlab.api.PluginModule;

/** Registers the built-in stability techniques. */
public final class RegularizerPlugins extends PluginModule {
  @Override
  protected void configurePlugins() {
    regularizers()
        .add("gradient-penalty", GradientPenalty.class)
        .add("r1", R1Penalty.class)
        .add("weight-clipping", WeightClipping.class)
        .add("weight-decay", WeightDecay.class)
        .add("label-smoothing", LabelSmoothing.class)
        .add("instance-noise", InstanceNoise.class)
        .add("r2", R2Penalty.class)
        .add("dragan", Dragan.class)
        .add("spectral-norm", SpectralNorm.class)
        .add("diffaugment", DiffAugment.class)
        .add("consistency", Consistency.class)
        .add("d-skip", DSkip.class)
        .add("packing", SamplePacking.class)
        .add("ema", GeneratorAverage.class)
        .add("lecam", LeCam.class)
        .add("ada", AdaptiveAugmentation.class);
  }
}
