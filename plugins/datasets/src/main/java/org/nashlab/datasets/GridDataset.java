package org.nashlab.datasets;

import static org.nashlab.api.ParamChecks.positive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.SampleFormat;

/** Gaussians on a square grid centred at the origin. */
@Doc("Gaussians on a square grid (25 modes at {-4,-2,0,2,4}^2, std 0.05 as in PacGAN)")
public final class GridDataset implements Dataset {
  public record Params(
      @Doc("number of modes, a perfect square") @Default("25") int modes,
      @Doc("distance between neighbouring modes") @Default("2.0") double spacing,
      @Doc("standard deviation of each mode") @Default("0.05") double std,
      @Doc(
              "samples of a fixed training set drawn once from the trial's seed (PacGAN: 100000); 0"
                  + " draws fresh samples every batch")
          @Default("0")
          int size,
      @Doc("how batches come from the fixed set: epochs (each sample once per epoch) or uniform")
          @Default("epochs")
          Sampling sampling) {
    public Params {
      positive(modes, "modes");
      int side = (int) Math.round(Math.sqrt(modes));
      if (side * side != modes) {
        throw new IllegalArgumentException(
            "modes must be a perfect square (4, 9, 25, ...), got " + modes);
      }
      positive(spacing, "spacing");
      positive(std, "std");
      FixedMixtureSet.checkSampling(size, sampling);
    }
  }

  private final Params params;

  public GridDataset(Params params) {
    this.params = params;
  }

  @Override
  public Optional<SampleFormat> format() {
    return Optional.of(SampleFormat.unlabelled(2));
  }

  @Override
  public DataSource open(DatasetContext context) {
    int side = (int) Math.round(Math.sqrt(params.modes()));
    double offset = (side - 1) / 2.0;
    List<double[]> centres = new ArrayList<>();
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        centres.add(
            new double[] {(i - offset) * params.spacing(), (j - offset) * params.spacing()});
      }
    }
    return GaussianMixture.open(centres, params.std(), params.size(), params.sampling(), context);
  }
}
