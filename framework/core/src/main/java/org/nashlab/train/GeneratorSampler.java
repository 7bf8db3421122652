package org.nashlab.train;

import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Runs the generator in inference mode on given latent rows (and class labels, for conditional
 * programs), a batch at a time, through the averaged weights when a technique keeps them.
 */
final class GeneratorSampler {
  private static final int BATCH = 500;
  private final Session session;
  private final Operand<TFloat32> latentInput;
  private final Operand<TFloat32> output;
  private final Operand<TInt32> labelInput;
  private final Optional<AveragedWeights> averaged;
  private final int latentDimension;
  private final int sampleSize;

  GeneratorSampler(TrialSetup setup) {
    this.session = setup.session();
    this.latentInput = setup.graph().latentInput();
    this.output = setup.program().samples();
    this.labelInput = setup.graph().conditional() ? setup.graph().fakeLabels() : null;
    this.averaged = setup.graph().averagedGenerator();
    this.latentDimension = setup.latentDimension();
    this.sampleSize = Math.toIntExact(setup.data().sampleShape().size());
  }

  /** Classes the labels run over; 0 when the program is unconditional. */
  static int classes(TrialSetup setup) {
    return setup.graph().conditional() ? setup.graph().classes() : 0;
  }

  /**
   * The samples for the first {@code count} rows of {@code latent}; {@code labels} is read only
   * when the program is conditional.
   */
  float[] sample(float[] latent, int[] labels, int count) {
    return averaged
        .map(a -> a.during(session, () -> draw(latent, labels, count)))
        .orElseGet(() -> draw(latent, labels, count));
  }

  private float[] draw(float[] latent, int[] labels, int count) {
    float[] values = new float[count * sampleSize];
    for (int first = 0; first < count; first += BATCH) {
      int n = Math.min(BATCH, count - first);
      float[] rows = new float[n * latentDimension];
      System.arraycopy(latent, first * latentDimension, rows, 0, rows.length);
      try (TFloat32 z =
              TFloat32.tensorOf(Shape.of(n, latentDimension), DataBuffers.of(rows, true, false));
          TInt32 y =
              labelInput == null
                  ? null
                  : TInt32.vectorOf(java.util.Arrays.copyOfRange(labels, first, first + n))) {
        var runner = session.runner().feed(latentInput, z).fetch(output);
        if (y != null) {
          runner.feed(labelInput, y);
        }
        try (var result = runner.run()) {
          float[] batch = new float[n * sampleSize];
          ((TFloat32) result.get(0)).copyTo(DataBuffers.of(batch, false, false));
          System.arraycopy(batch, 0, values, first * sampleSize, batch.length);
        }
      }
    }
    return values;
  }
}
