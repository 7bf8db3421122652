package org.nashlab.train;

import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.TrackedRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Draws the generator's samples for one fixed latent batch (the same noise at every step, so the
 * pictures show how the same samples evolve) and logs them as {@code samples/step-NNNNNN.png}: a
 * scatter plot over the true modes for 2-D points, an 8x8 grid for images.
 */
final class SampleWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SampleWriter.class);
  static final int SCATTER_POINTS = 1000;
  static final int GRID_SIDE = 8;
  private static final int MAX_CLASS_ROWS = 16;

  private final Session session;
  private final Operand<TFloat32> latent;
  private final Operand<TFloat32> samples;
  private final DataSource data;
  private final TrackedRun run;
  private final TFloat32 fixedLatent;
  private final int count;
  private final TInt32 fixedLabels;
  private final Operand<TInt32> labelInput;
  private final Optional<AveragedWeights> averaged;

  SampleWriter(TrialSetup setup, TrackedRun run) {
    this.session = setup.session();
    this.latent = setup.graph().latentInput();
    this.samples = setup.program().samples();
    this.data = setup.data();
    this.run = run;
    this.averaged = setup.graph().averagedGenerator();
    int latentDimension = setup.latentDimension();
    RandomGenerator fixedLatentStream = setup.streams().fixedLatent;
    TrialGraph graph = setup.graph();
    int classes = graph.conditional() ? graph.classes() : 0;
    int rows = classes > 0 ? Math.min(classes, MAX_CLASS_ROWS) : GRID_SIDE;
    this.count = isPoints() ? SCATTER_POINTS : rows * GRID_SIDE;
    // Conditional samples: row r of the grid shows class r.
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = classes == 0 ? 0 : (isPoints() ? i % classes : i / GRID_SIDE);
    }
    this.fixedLabels = classes > 0 ? TInt32.vectorOf(labels) : null;
    this.labelInput = classes > 0 ? graph.fakeLabels() : null;
    float[] noise = new float[count * latentDimension];
    BatchFeeder.fillNormal(noise, fixedLatentStream);
    this.fixedLatent =
        TFloat32.tensorOf(Shape.of(count, latentDimension), DataBuffers.of(noise, true, false));
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
    float[] values = averaged.map(a -> a.during(session, this::draw)).orElseGet(this::draw);
    byte[] png =
        isPoints()
            ? SamplePlot.scatter(values, data instanceof MixtureModes m ? m : null, "step " + step)
            : ImageGrid.png(values, data.sampleShape(), count, GRID_SIDE, 2);
    run.logArtifact(String.format("samples/step-%06d.png", step), png);
  }

  /** The generator's samples for the fixed latent batch. */
  private float[] draw() {
    float[] values = new float[Math.toIntExact(count * data.sampleShape().size())];
    var runner = session.runner().feed(latent, fixedLatent).fetch(samples);
    if (fixedLabels != null) {
      runner.feed(labelInput, fixedLabels);
    }
    try (var result = runner.run()) {
      ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
    }
    return values;
  }

  @Override
  public void close() {
    fixedLatent.close();
    if (fixedLabels != null) {
      fixedLabels.close();
    }
  }
}
