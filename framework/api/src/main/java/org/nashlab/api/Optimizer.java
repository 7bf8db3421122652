package org.nashlab.api;

import org.tensorflow.op.Op;

/** Builds the update op for one network's variables from their gradients. */
public interface Optimizer {
  Op apply(OptimizerContext context);
}
