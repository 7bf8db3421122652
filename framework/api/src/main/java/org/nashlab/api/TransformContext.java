package org.nashlab.api;

import org.nashlab.nn.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A batch on its way into D.
 *
 * @param tf the graph's op factory
 * @param batch the batch, real or generated
 * @param progress the share of the trial's generator steps done, 0 to 1, for annealing
 * @param name a unique flat prefix for any variable the transform creates (such as the call counter
 *     of {@link org.nashlab.nn.Noise})
 * @param seeds seeds for random ops, derived from the trial's master seed
 */
public record TransformContext(
    Ops tf, Operand<TFloat32> batch, Operand<TFloat32> progress, String name, Seeds seeds) {}
