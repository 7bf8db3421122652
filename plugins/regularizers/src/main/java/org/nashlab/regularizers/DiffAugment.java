package org.nashlab.regularizers;

import static org.nashlab.api.ParamChecks.fraction;

import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.InputTransform;
import org.nashlab.api.TransformContext;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * DiffAugment (Zhao et al. 2020): the same family of differentiable augmentations applied to every
 * batch D sees, real and generated, in D's and in G's update, so G learns through them; drawn
 * afresh for each batch. The paper's policy for small data is colour, translation (1/8) and cutout
 * (1/2), the defaults.
 */
@Doc("DiffAugment: colour, translation, cutout on D's real and fake inputs (Zhao et al. 2020)")
public final class DiffAugment implements InputTransform {
  public record Params(
      @Doc("random brightness, saturation and contrast") @Default("true") boolean colour,
      @Doc("random translation") @Default("true") boolean translation,
      @Doc("largest shift, as a share of the image side") @Default("0.125") double translationRatio,
      @Doc("random cutout") @Default("true") boolean cutout,
      @Doc("side of the cut-out square, as a share of the image side") @Default("0.5")
          double cutoutRatio) {
    public Params {
      fraction(translationRatio, "translation-ratio");
      fraction(cutoutRatio, "cutout-ratio");
    }
  }

  private final Params params;

  public DiffAugment(Params params) {
    this.params = params;
  }

  @Override
  public Operand<TFloat32> transform(TransformContext c) {
    Augmentations.requireImages(c.batch(), "diffaugment");
    Augmentations augment = new Augmentations(c.tf(), c.name(), c.seeds());
    Operand<TFloat32> x = c.batch();
    if (params.colour()) {
      x = augment.colour(x);
    }
    if (params.translation()) {
      x = augment.translation(x, params.translationRatio());
    }
    if (params.cutout()) {
      x = augment.cutout(x, params.cutoutRatio());
    }
    return x;
  }
}
