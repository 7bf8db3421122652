package org.nashlab.nn;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Several networks applied to the same input, their outputs concatenated along the last axis
 * (features, or channels of NHWC images), as in an Inception block or a critic that sees both an
 * image and its features. Its variables and updates are all of theirs.
 *
 * <pre>{@code
 * Network both = new Concat(tf, List.of(new Conv2D(tf, "d_a", 3, 8, 1, 1, init, seeds),
 *     new Conv2D(tf, "d_b", 3, 8, 3, 1, init, seeds))); // 16 channels
 * }</pre>
 */
public final class Concat implements Network {
  private final Ops tf;
  private final List<Network> branches;
  private final Trainable parts;

  public Concat(Ops tf, List<? extends Network> branches) {
    if (branches.isEmpty()) {
      throw new IllegalArgumentException("a concatenation needs at least one branch");
    }
    this.tf = requireNonNull(tf, "tf");
    this.branches = List.copyOf(branches);
    this.parts = Trainable.union(this.branches);
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    List<Operand<TFloat32>> outputs = branches.stream().map(b -> b.apply(input, mode)).toList();
    return Joins.concat(tf, outputs, outputs.get(0).shape().numDimensions() - 1);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return parts.variables();
  }

  @Override
  public List<Op> updates() {
    return parts.updates();
  }
}
