package org.example.nash;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.ParamChecks;
import org.nashlab.api.SampleFormat;
import org.tensorflow.ndarray.Shape;

/**
 * A two-armed spiral in the plane: a thin, curved manifold that is hard to cover with few modes.
 * The template for a plugin of your own: a class with one public constructor taking its parameter
 * record, registered in {@link ExamplePlugins}.
 */
@Doc("two-armed spiral in 2-D (an example of an outside plugin)")
public final class SpiralDataset implements Dataset {
  public record Params(
      @Doc("turns of each arm") @Default("1.5") double turns,
      @Doc("standard deviation of the noise around the arms") @Default("0.02") double noise) {
    public Params {
      ParamChecks.positive(turns, "turns");
      ParamChecks.nonNegative(noise, "noise");
    }
  }

  private final Params params;

  public SpiralDataset(Params params) {
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
          double t = random.nextDouble();
          double angle = 2 * Math.PI * params.turns() * t + (random.nextBoolean() ? Math.PI : 0);
          target[2 * i] = (float) (t * Math.cos(angle) + params.noise() * random.nextGaussian());
          target[2 * i + 1] =
              (float) (t * Math.sin(angle) + params.noise() * random.nextGaussian());
        }
      }
    };
  }
}
