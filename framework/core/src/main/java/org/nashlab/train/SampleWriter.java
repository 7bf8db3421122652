package org.nashlab.train;

import java.util.SplittableRandom;
import org.nashlab.api.DataSource;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.TrainingProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Draws the generator's samples for one fixed latent batch (the same noise at every step, so plots
 * show how one set of points moves) and logs them as {@code samples/step-NNNNNN.png}.
 */
final class SampleWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SampleWriter.class);
  static final int SCATTER_POINTS = 1000;

  private final Session session;
  private final Operand<TFloat32> latent;
  private final Operand<TFloat32> samples;
  private final DataSource data;
  private final TrackedRun run;
  private final TFloat32 fixedLatent;

  SampleWriter(
      Session session,
      Operand<TFloat32> latent,
      TrainingProgram program,
      int latentDimension,
      DataSource data,
      SplittableRandom fixedLatentStream,
      TrackedRun run) {
    this.session = session;
    this.latent = latent;
    this.samples = program.samples();
    this.data = data;
    this.run = run;
    float[] noise = new float[SCATTER_POINTS * latentDimension];
    BatchFeeder.fillNormal(noise, fixedLatentStream);
    this.fixedLatent =
        TFloat32.tensorOf(
            Shape.of(SCATTER_POINTS, latentDimension), DataBuffers.of(noise, true, false));
  }

  /** Whether this data has a picture Nash can draw yet (2-D points). */
  boolean canDraw() {
    return data.sampleShape().equals(Shape.of(2));
  }

  void write(long step) {
    if (!canDraw()) {
      log.debug("no sample plot for samples of shape {}", data.sampleShape());
      return;
    }
    float[] points = new float[SCATTER_POINTS * 2];
    try (var result = session.runner().feed(latent, fixedLatent).fetch(samples).run()) {
      ((TFloat32) result.get(0)).copyTo(DataBuffers.of(points, false, false));
    }
    MixtureModes modes = data instanceof MixtureModes m ? m : null;
    byte[] png = SamplePlot.scatter(points, modes, "step " + step);
    run.logArtifact(String.format("samples/step-%06d.png", step), png);
  }

  @Override
  public void close() {
    fixedLatent.close();
  }
}
