package {{package}};

import static org.nashlab.api.ParamChecks.nonNegative;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.SampleFormat;
import org.tensorflow.ndarray.Shape;

/**
 * Two interleaved half circles in the plane ("two moons"): the upper one of radius 1 around the
 * origin, the lower one of radius 1 around (1, 0.5), each chosen with probability 1/2, with
 * Gaussian noise added to both coordinates. A thin, curved, disconnected target.
 *
 * <p>This is the starter's example: replace {@link #open} with your data. {@code fillBatch}
 * writes a batch of samples one after the other; all randomness comes from the trial's data
 * stream, so a run is reproducible and resumes exactly. {@link #format} lets {@code nash
 * validate} refuse a variant that cannot use these samples before anything runs.
 */
@Doc("two interleaved half circles in 2-D, with Gaussian noise")
public final class {{class}} implements Dataset {
  /** The YAML section: {@code dataset: { name: {{name}}, noise: 0.05 }}. */
  public record Params(
      @Doc("standard deviation of the noise on each coordinate") @Default("0.05") double noise) {
    public Params {
      nonNegative(noise, "noise");
    }
  }

  private final Params params;

  public {{class}}(Params params) {
    this.params = params;
  }

  @Override
  public Optional<SampleFormat> format() {
    return Optional.of(SampleFormat.unlabelled(2));
  }

  @Override
  public DataSource open(DatasetContext context) {
    return new DataSource() {
      @Override
      public Shape sampleShape() {
        return Shape.of(2);
      }

      @Override
      public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
        for (int i = 0; i < batchSize; i++) {
          double angle = Math.PI * random.nextDouble();
          boolean upper = random.nextBoolean();
          double x = upper ? Math.cos(angle) : 1 - Math.cos(angle);
          double y = upper ? Math.sin(angle) : 0.5 - Math.sin(angle);
          target[2 * i] = (float) (x + params.noise() * random.nextGaussian());
          target[2 * i + 1] = (float) (y + params.noise() * random.nextGaussian());
        }
      }
    };
  }
}
