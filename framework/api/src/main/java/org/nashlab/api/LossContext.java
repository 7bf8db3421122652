package org.nashlab.api;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The discriminator's raw outputs (logits, before any sigmoid) on a real and a generated batch.
 *
 * @param tf the graph's op factory
 * @param realLogits {@code D(x)}, shape {@code [batch, 1]}
 * @param fakeLogits {@code D(G(z))}, shape {@code [batch, 1]}
 */
public record LossContext(Ops tf, Operand<TFloat32> realLogits, Operand<TFloat32> fakeLogits) {}
