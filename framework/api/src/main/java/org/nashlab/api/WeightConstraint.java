package org.nashlab.api;

import java.util.List;
import org.tensorflow.op.Op;

/** A technique that constrains weights after each update of a network, like WGAN's clipping. */
public interface WeightConstraint extends Regularizer {
  /** Ops run right after the network's update; empty for networks the technique leaves alone. */
  List<Op> constrain(ConstraintContext context);
}
