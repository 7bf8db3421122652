package org.nashlab.train;

import org.nashlab.api.Samples;
import org.nashlab.eval.GeneratedSamples;
import org.tensorflow.ndarray.Shape;

/**
 * The program's samples for the fixed evaluation inputs. The latents come from a constant seed, not
 * the trial's, so every evaluation of every trial of a sweep sees the same noise; conditional
 * programs get the labels {@code 0, 1, ..., classes - 1, 0, 1, ...}; real inputs are the first rows
 * of each stream's fixed reference.
 */
final class EvaluationSamples implements GeneratedSamples {
  private static final long LATENT_SEED = 0xE7A1L;
  private final ProgramSampler sampler;
  private final TrialSetup setup;
  private final Shape sampleShape;

  EvaluationSamples(TrialSetup setup) {
    this.sampler = new ProgramSampler(setup);
    this.setup = setup;
    this.sampleShape = setup.imitated().sampleShape();
  }

  /** The fixed evaluation inputs of {@code outputs} for {@code n} rows. */
  ProgramInputs.Rows rows(int n, org.tensorflow.op.Op... outputs) {
    return sampler.rows(n, new SplitMix64(SplitMix64.mix(LATENT_SEED)), i -> i, outputs);
  }

  @Override
  public Samples draw(int n) {
    var samples = setup.program().samples();
    return new Samples(n, sampleShape, sampler.sample(samples, rows(n, samples), n));
  }

  /** The program's probes, averaged over {@code n} evaluation rows; empty when it has none. */
  java.util.Map<String, Double> probes(int n) {
    var probes = setup.program().probes();
    if (probes.isEmpty()) {
      return java.util.Map.of();
    }
    return sampler.means(probes, rows(n, probes.values().toArray(org.tensorflow.op.Op[]::new)), n);
  }
}
