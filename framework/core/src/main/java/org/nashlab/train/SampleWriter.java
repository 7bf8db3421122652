package org.nashlab.train;

import org.nashlab.api.DataSource;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.TrackedRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.ndarray.Shape;

/**
 * Draws the generator's samples for one fixed latent batch (the same noise at every step, so the
 * pictures show how the same samples evolve) and logs them as {@code samples/step-NNNNNN.png}: a
 * scatter plot over the true modes for 2-D points, an 8x8 grid for images.
 */
final class SampleWriter {
  private static final Logger log = LoggerFactory.getLogger(SampleWriter.class);
  static final int SCATTER_POINTS = 1000;
  static final int GRID_SIDE = 8;
  private static final int MAX_CLASS_ROWS = 16;

  private final GeneratorSampler sampler;
  private final DataSource data;
  private final TrackedRun run;
  private final float[] fixedLatent;
  private final int[] fixedLabels;
  private final int count;

  SampleWriter(TrialSetup setup, TrackedRun run) {
    this.sampler = new GeneratorSampler(setup);
    this.data = setup.data();
    this.run = run;
    int classes = GeneratorSampler.classes(setup);
    int rows = classes > 0 ? Math.min(classes, MAX_CLASS_ROWS) : GRID_SIDE;
    this.count = isPoints() ? SCATTER_POINTS : rows * GRID_SIDE;
    // Conditional samples: row r of the grid shows class r.
    this.fixedLabels = new int[count];
    for (int i = 0; i < count; i++) {
      fixedLabels[i] = classes == 0 ? 0 : (isPoints() ? i % classes : i / GRID_SIDE);
    }
    this.fixedLatent = new float[count * setup.latentDimension()];
    BatchFeeder.fillNormal(fixedLatent, setup.streams().fixedLatent);
  }

  private boolean isPoints() {
    return data.sampleShape().equals(Shape.of(2));
  }

  private boolean isImages() {
    Shape shape = data.sampleShape();
    return shape.numDimensions() == 3 && (shape.get(2) == 1 || shape.get(2) == 3);
  }

  void write(long step) {
    if (!isPoints() && !isImages()) {
      log.debug("no sample picture for samples of shape {}", data.sampleShape());
      return;
    }
    float[] values = sampler.sample(fixedLatent, fixedLabels, count);
    byte[] png =
        isPoints()
            ? SamplePlot.scatter(values, data instanceof MixtureModes m ? m : null, "step " + step)
            : ImageGrid.png(values, data.sampleShape(), count, GRID_SIDE, 2);
    run.logArtifact(String.format("samples/step-%06d.png", step), png);
  }
}
