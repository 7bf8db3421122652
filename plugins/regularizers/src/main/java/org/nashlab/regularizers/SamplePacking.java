package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.inRange;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.Packing;

/**
 * PacGAN's packing (Lin et al. 2018): the discriminator judges {@code degree} samples at once, all
 * real or all generated, concatenated (features of points, channels of images), which penalises a
 * generator whose samples lack diversity. The batch holds {@code batch-size} samples of each kind,
 * so D sees {@code batch-size / degree} packed inputs: PacGAN's code feeds 100 packed inputs, that
 * is {@code batch-size: 100 * degree}.
 */
@Doc("D judges degree samples concatenated (PacGAN, Lin et al. 2018); batch-size must divide")
public final class SamplePacking implements Packing {
  public record Params(
      @Doc("samples per packed input of D (PacGAN: 2 to 4)") @Default("2") int degree) {
    public Params {
      inRange(degree, 2, 64, "degree");
    }
  }

  private final int degree;

  public SamplePacking(Params params) {
    this.degree = params.degree();
  }

  @Override
  public int degree() {
    return degree;
  }
}
