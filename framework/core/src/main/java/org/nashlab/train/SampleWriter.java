package org.nashlab.train;

import java.nio.charset.StandardCharsets;
import org.nashlab.api.DataSource;
import org.nashlab.api.MixtureModes;
import org.nashlab.api.TokenSequences;
import org.nashlab.api.TrackedRun;
import org.nashlab.api.TrainingProgram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.ndarray.Shape;

/**
 * Draws the program's samples for one fixed set of inputs (the same noise at every step, so the
 * pictures show how the same samples evolve) and logs them as {@code samples/step-NNNNNN.png}: a
 * scatter plot over the true modes for 2-D points, an 8x8 grid for images (a row per class for
 * conditional programs), or the program's own {@link TrainingProgram.SampleGrid}. Token sequences
 * ({@link TokenSequences}) are logged as text instead, {@code samples/step-NNNNNN.txt}, one sample
 * a line, beside {@code samples/vocabulary.txt}, the key to their ids, logged when the run starts.
 */
final class SampleWriter {
  private static final Logger log = LoggerFactory.getLogger(SampleWriter.class);
  static final int SCATTER_POINTS = 1000;
  static final int GRID_SIDE = 8;
  private static final int MAX_CLASS_ROWS = 16;

  private final ProgramSampler sampler;
  private final DataSource data;
  private final TrackedRun run;
  private final TrainingProgram program;
  private final ProgramInputs.Rows rows;
  private final int count;
  private final int columns;

  SampleWriter(TrialSetup setup, TrackedRun run) {
    this.sampler = new ProgramSampler(setup);
    this.data = setup.imitated();
    this.run = run;
    this.program = setup.program();
    if (data instanceof TokenSequences tokens) {
      run.logArtifact(
          "samples/vocabulary.txt", tokens.vocabularyListing().getBytes(StandardCharsets.UTF_8));
    }
    if (program.grid().isPresent()) {
      TrainingProgram.SampleGrid grid = program.grid().get();
      this.count = grid.rows();
      this.columns = grid.columns();
      this.rows = sampler.rows(count, setup.streams().fixedLatent, i -> i, grid.images());
      return;
    }
    int classes = setup.graph().inputs().sampleClasses();
    int gridRows = classes > 0 ? Math.min(classes, MAX_CLASS_ROWS) : GRID_SIDE;
    this.count = isPoints() ? SCATTER_POINTS : gridRows * GRID_SIDE;
    this.columns = GRID_SIDE;
    // Conditional samples: row r of the grid shows class r.
    boolean points = isPoints();
    this.rows =
        sampler.rows(
            count,
            setup.streams().fixedLatent,
            i -> classes == 0 ? 0 : (points ? i % classes : i / GRID_SIDE),
            program.samples());
  }

  private boolean isPoints() {
    return data.sampleShape().equals(Shape.of(2));
  }

  private boolean isImages() {
    Shape shape = data.sampleShape();
    return shape.numDimensions() == 3 && (shape.get(2) == 1 || shape.get(2) == 3);
  }

  void write(long step) {
    if (data instanceof TokenSequences tokens && program.grid().isEmpty()) {
      writeText(step, tokens);
      return;
    }
    if (!isPoints() && !isImages()) {
      log.debug("no sample picture for samples of shape {}", data.sampleShape());
      return;
    }
    byte[] png;
    if (program.grid().isPresent()) {
      float[] values = sampler.sample(program.grid().get().images(), rows, count);
      png = ImageGrid.png(values, data.sampleShape(), count * columns, columns, 2);
    } else {
      float[] values = sampler.sample(program.samples(), rows, count);
      png =
          isPoints()
              ? SamplePlot.scatter(
                  values, data instanceof MixtureModes m ? m : null, "step " + step)
              : ImageGrid.png(values, data.sampleShape(), count, columns, 2);
    }
    run.logArtifact(String.format("samples/step-%06d.png", step), png);
  }

  private void writeText(long step, TokenSequences tokens) {
    float[] values = sampler.sample(program.samples(), rows, count);
    int length = Math.toIntExact(data.sampleShape().size());
    StringBuilder text = new StringBuilder();
    int[] sample = new int[length];
    for (int i = 0; i < count; i++) {
      for (int t = 0; t < length; t++) {
        sample[t] = Math.round(values[i * length + t]);
      }
      text.append(tokens.decode(sample).replace('\n', ' ')).append('\n');
    }
    run.logArtifact(
        String.format("samples/step-%06d.txt", step),
        text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
