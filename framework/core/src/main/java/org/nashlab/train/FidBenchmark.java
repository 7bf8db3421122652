package org.nashlab.train;

import java.util.Optional;
import java.util.SplittableRandom;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Embedding;
import org.nashlab.api.EvaluationContext;
import org.nashlab.api.FeatureNetwork;
import org.nashlab.api.Metric;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.Samples;
import org.nashlab.config.ExperimentSpec;
import org.nashlab.config.NashHome;
import org.nashlab.config.ResolvedConfig;
import org.nashlab.eval.RealReference;
import org.nashlab.plugin.PluginRegistry;

/**
 * Times the FID of an experiment's generator on {@code n} samples, split into generating, feature
 * extraction and the statistics plus distance; repeats the last at 2048 dimensions, Inception's, on
 * stand-in features; and computes two sanity values with the same features: the FID of the held-out
 * split against the reference, and of uniform noise against it.
 *
 * <pre>{@code
 * FidBenchmark.Result r = FidBenchmark.measure(spec, testSpec, plugins, home);
 * }</pre>
 */
public final class FidBenchmark {
  private static final int INCEPTION_DIMENSION = 2048;

  private FidBenchmark() {}

  /**
   * @param samples how many samples each side
   * @param features the feature network's id
   * @param dimension its feature dimension
   * @param generateSeconds running the generator
   * @param featureSeconds the feature network on the generated samples
   * @param realSeconds the real samples' features, from the cache or computed
   * @param distanceSeconds the generated samples' statistics and the distance
   * @param inceptionReferenceSeconds at 2048 dimensions, the reference's statistics and the square
   *     root of its covariance, once per run
   * @param inceptionSizeSeconds at 2048 dimensions, per evaluation: the generated statistics and
   *     the distance
   * @param fid the generator's FID
   * @param heldOutFid the held-out split's FID against the reference samples
   * @param noiseFid uniform noise's FID against them
   */
  public record Result(
      int samples,
      String features,
      int dimension,
      double generateSeconds,
      double featureSeconds,
      double realSeconds,
      double distanceSeconds,
      double inceptionReferenceSeconds,
      double inceptionSizeSeconds,
      double fid,
      double heldOutFid,
      double noiseFid) {}

  /**
   * @param spec an experiment whose first metric is {@code fid}
   * @param heldOut the same experiment on the held-out split of its dataset
   */
  public static Result measure(
      ExperimentSpec spec, ExperimentSpec heldOut, PluginRegistry plugins, NashHome home) {
    try (TrialSetup setup = TrialSetup.build(spec, plugins, home)) {
      FeatureNetwork network =
          setup
              .features()
              .orElseThrow(() -> new IllegalArgumentException("the first metric must be fid"));
      Metric fid = TrialSetup.create(plugins, spec.metrics().get(0), Metric.class);
      int n = samplesOf(spec);
      RealReference reference = new RealReference(setup.imitated());

      long t0 = System.nanoTime();
      Samples generated = new EvaluationSamples(setup).draw(n);
      long t1 = System.nanoTime();
      Embedding fake = network.embed(generated);
      long t2 = System.nanoTime();
      Embedding real = network.embed(reference.draw(n));
      long t3 = System.nanoTime();
      // The first evaluation also fits the real statistics, which a run does once; time the second.
      fid.evaluate(new Fixed(fake, real));
      long t4 = System.nanoTime();
      double value = fid.evaluate(new Fixed(fake, real)).values().get("fid");
      long t5 = System.nanoTime();

      Metric wide = TrialSetup.create(plugins, spec.metrics().get(0), Metric.class);
      Embedding wideFake = widened(fake);
      Embedding wideReal = widened(real);
      long t6 = System.nanoTime();
      wide.evaluate(new Fixed(wideFake, wideReal));
      long t7 = System.nanoTime();
      wide.evaluate(new Fixed(wideFake, wideReal));
      long t8 = System.nanoTime();

      DataSource test =
          TrialSetup.create(plugins, heldOut.dataset(), Dataset.class)
              .open(new DatasetContext(home.data()));
      double heldOutFid =
          fid.evaluate(new Fixed(network.embed(new RealReference(test).draw(n)), real))
              .values()
              .get("fid");
      double noiseFid =
          fid.evaluate(new Fixed(network.embed(noise(n, generated)), real)).values().get("fid");
      return new Result(
          n,
          network.id(),
          fake.dimension(),
          seconds(t0, t1),
          seconds(t1, t2),
          seconds(t2, t3),
          seconds(t4, t5),
          seconds(t6, t7) - seconds(t7, t8),
          seconds(t7, t8),
          value,
          heldOutFid,
          noiseFid);
    }
  }

  private static int samplesOf(ExperimentSpec spec) {
    String samples = ResolvedConfig.of(spec).flatten().get("metrics.0.samples");
    if (!spec.metrics().get(0).spec().name().equals("fid") || samples == null) {
      throw new IllegalArgumentException(spec.file() + ": the first metric must be fid");
    }
    return Integer.parseInt(samples);
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }

  /** Uniform noise in [-1, 1], shaped like the samples. */
  private static Samples noise(int n, Samples like) {
    float[] values = new float[like.values().length];
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return new Samples(n, like.shape(), values);
  }

  /**
   * Stand-in features of Inception's width: a fixed random linear map of the real features to 2048
   * dimensions plus a little noise, so the covariance has full rank as Inception's does. Only the
   * time is of interest.
   */
  private static Embedding widened(Embedding e) {
    SplittableRandom random = new SplittableRandom(5);
    float[] map = new float[e.dimension() * INCEPTION_DIMENSION];
    for (int i = 0; i < map.length; i++) {
      map[i] = (float) random.nextGaussian();
    }
    float[] wide = new float[e.count() * INCEPTION_DIMENSION];
    for (int r = 0; r < e.count(); r++) {
      for (int k = 0; k < e.dimension(); k++) {
        float x = e.features()[r * e.dimension() + k];
        int base = k * INCEPTION_DIMENSION;
        for (int j = 0; j < INCEPTION_DIMENSION; j++) {
          wide[r * INCEPTION_DIMENSION + j] += x * map[base + j];
        }
      }
      for (int j = 0; j < INCEPTION_DIMENSION; j++) {
        wide[r * INCEPTION_DIMENSION + j] += (float) (0.1 * random.nextGaussian());
      }
    }
    return new Embedding(e.count(), INCEPTION_DIMENSION, wide, 0, new float[0]);
  }

  /** Precomputed features as an evaluation. */
  private record Fixed(Embedding fake, Embedding real) implements EvaluationContext {
    @Override
    public Samples generated(int n) {
      throw new UnsupportedOperationException("the benchmark gives features only");
    }

    @Override
    public Samples real(int n) {
      throw new UnsupportedOperationException("the benchmark gives features only");
    }

    @Override
    public Embedding generatedFeatures(int n) {
      return fake.first(n);
    }

    @Override
    public Embedding realFeatures(int n) {
      return real.first(n);
    }

    @Override
    public Optional<MixtureModes> modes() {
      return Optional.empty();
    }
  }
}
