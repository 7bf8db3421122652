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

/** Gaussians evenly spaced on a circle: the mode-collapse benchmark of VEEGAN and PacGAN. */
@Doc("Gaussians evenly spaced on a circle (8 modes, radius 1, std 0.01 as in PacGAN)")
public final class RingDataset implements Dataset {
  public record Params(
      @Doc("number of modes") @Default("8") int modes,
      @Doc("radius of the circle") @Default("1.0") double radius,
      @Doc("standard deviation of each mode") @Default("0.01") double std,
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
      positive(radius, "radius");
      positive(std, "std");
      FixedMixtureSet.checkSampling(size, sampling);
    }
  }

  private final Params params;

  public RingDataset(Params params) {
    this.params = params;
  }

  @Override
  public Optional<SampleFormat> format() {
    return Optional.of(SampleFormat.unlabelled(2));
  }

  @Override
  public DataSource open(DatasetContext context) {
    List<double[]> centres = new ArrayList<>();
    for (int i = 0; i < params.modes(); i++) {
      double angle = 2 * Math.PI * i / params.modes();
      centres.add(
          new double[] {params.radius() * Math.cos(angle), params.radius() * Math.sin(angle)});
    }
    return GaussianMixture.open(centres, params.std(), params.size(), params.sampling(), context);
  }
}
