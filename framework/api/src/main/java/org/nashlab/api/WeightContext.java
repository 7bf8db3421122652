package org.nashlab.api;

import java.util.List;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.WeightReads;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One layer's weight, as the layer is being built.
 *
 * @param tf the graph's op factory
 * @param layer the layer's name, such as {@code d_conv1}
 * @param weight the raw weight variable the optimizer updates
 * @param outputAxis the axis of {@code weight} that indexes the layer's outputs
 * @param owner the network the layer belongs to
 * @param seeds seeds for initial values, derived from the trial's master seed
 */
public record WeightContext(
    Ops tf, String layer, Variable<TFloat32> weight, int outputAxis, Player owner, Seeds seeds) {
  /** The weight read as it is. */
  public WeightReads.Read plain() {
    return new WeightReads.Read(weight, List.of());
  }
}
