package org.nashlab.variant.stylegan2;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.api.TrainingProgram;
import org.nashlab.nn.SquarePadding;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The picture logged as {@code samples/step-N.png}, 8 columns by 16 rows in three panels, since a
 * program shows one picture:
 *
 * <ol>
 *   <li>rows 1 to 4: 32 samples, at the samples' truncation;
 *   <li>rows 5 to 12: the style-mixing grid: row 5 holds the column sources B1..B7 (after a blank
 *       cell), the first cell of rows 6 to 12 the row sources A1..A7; cell (Ai, Bj) takes the
 *       coarse styles (4 x 4 and 8 x 8, the first half of the layers) from Ai and the fine ones
 *       from Bj, as the StyleGAN paper's figure 3 does;
 *   <li>rows 13 to 16: the truncation strip: four latents at psi = 0, 1/7, ..., 1 from left to
 *       right, psi = 0 being the average w.
 * </ol>
 *
 * The samples of Nash's fixed rows of the two latents are the sources; each cell takes the noise
 * images of its coarse source's row.
 */
final class Pictures {
  static final int ROWS = 16;
  static final int COLUMNS = 8;

  private static final int SAMPLE_ROWS = 4;
  private static final int MIXING_ROWS = COLUMNS;
  private static final int TRUNCATION_ROWS = 4;

  private Pictures() {}

  /** One cell: its coarse and fine sources in the bank of both latents' rows, psi, blank. */
  private record Cell(int coarse, int fine, float psi, boolean mixed, boolean blank) {}

  static TrainingProgram.SampleGrid grid(
      Ops tf,
      StyleGenerator generator,
      Operand<TFloat32> first,
      Operand<TFloat32> second,
      List<Operand<TFloat32>> noises,
      float psi,
      int styles,
      SquarePadding padding) {
    List<Cell> cells = cells(psi);
    int n = cells.size();
    int[] coarse = new int[n];
    int[] fine = new int[n];
    float[][] psis = new float[n][1];
    float[][] crossovers = new float[n][1];
    float[][][][] shown = new float[n][1][1][1];
    for (int i = 0; i < n; i++) {
      Cell cell = cells.get(i);
      coarse[i] = cell.coarse();
      fine[i] = cell.fine();
      psis[i][0] = cell.psi();
      crossovers[i][0] = cell.mixed() ? styles / 2f : styles;
      shown[i][0][0][0] = cell.blank() ? 0f : 1f;
    }
    Operand<TFloat32> bank = generator.w(tf.concat(List.of(first, second), tf.constant(0)));
    MappingNetwork mapping = generator.mapping();
    Operand<TFloat32> psiByCell = tf.constant(psis);
    Operand<TFloat32> coarseW =
        mapping.truncate(tf.gather(bank, tf.constant(coarse), tf.constant(0)), psiByCell);
    Operand<TFloat32> fineW =
        mapping.truncate(tf.gather(bank, tf.constant(fine), tf.constant(0)), psiByCell);
    int[] noiseRows = new int[n];
    for (int i = 0; i < n; i++) {
      noiseRows[i] = coarse[i] % ROWS;
    }
    List<Operand<TFloat32>> cellNoise = new ArrayList<>();
    for (Operand<TFloat32> noise : noises) {
      cellNoise.add(tf.gather(noise, tf.constant(noiseRows), tf.constant(0)));
    }
    Operand<TFloat32> images =
        generator.synthesis(generator.mixed(coarseW, fineW, tf.constant(crossovers)), cellNoise);
    Operand<TFloat32> cropped = padding.crop(tf, images);
    return new TrainingProgram.SampleGrid(tf.math.mul(cropped, tf.constant(shown)), ROWS, COLUMNS);
  }

  /** The cells row after row; sources 0..15 are the first latent's rows, 16..31 the second's. */
  private static List<Cell> cells(float psi) {
    List<Cell> cells = new ArrayList<>();
    for (int i = 0; i < SAMPLE_ROWS * COLUMNS; i++) {
      cells.add(new Cell(i, i, psi, false, false));
    }
    cells.add(new Cell(0, 0, psi, false, true));
    for (int j = 1; j < COLUMNS; j++) {
      cells.add(new Cell(ROWS + j - 1, ROWS + j - 1, psi, false, false));
    }
    for (int i = 0; i < MIXING_ROWS - 1; i++) {
      cells.add(new Cell(i, i, psi, false, false));
      for (int j = 1; j < COLUMNS; j++) {
        cells.add(new Cell(i, ROWS + j - 1, psi, true, false));
      }
    }
    for (int i = 0; i < TRUNCATION_ROWS; i++) {
      for (int j = 0; j < COLUMNS; j++) {
        int source = COLUMNS + i;
        cells.add(new Cell(source, source, j / (COLUMNS - 1f), false, false));
      }
    }
    return cells;
  }
}
