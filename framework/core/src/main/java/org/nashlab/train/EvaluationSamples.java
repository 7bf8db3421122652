package org.nashlab.train;

import java.util.random.RandomGenerator;
import org.nashlab.api.Samples;
import org.nashlab.eval.GeneratedSamples;
import org.tensorflow.ndarray.Shape;

/**
 * The generator's samples for the fixed evaluation latent batch. The batch comes from a constant
 * seed, not the trial's, so every evaluation of every trial of a sweep sees the same noise;
 * conditional programs get the labels {@code 0, 1, ..., classes - 1, 0, 1, ...}.
 */
final class EvaluationSamples implements GeneratedSamples {
  private static final long LATENT_SEED = 0xE7A1L;
  private final GeneratorSampler sampler;
  private final int latentDimension;
  private final int classes;
  private final Shape sampleShape;

  EvaluationSamples(TrialSetup setup) {
    this.sampler = new GeneratorSampler(setup);
    this.latentDimension = setup.latentDimension();
    this.classes = GeneratorSampler.classes(setup);
    this.sampleShape = setup.data().sampleShape();
  }

  @Override
  public Samples draw(int n) {
    float[] latent = new float[n * latentDimension];
    RandomGenerator stream = new SplitMix64(SplitMix64.mix(LATENT_SEED));
    BatchFeeder.fillNormal(latent, stream);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = classes == 0 ? 0 : i % classes;
    }
    return new Samples(n, sampleShape, sampler.sample(latent, labels, n));
  }
}
