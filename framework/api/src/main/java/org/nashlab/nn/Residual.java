package org.nashlab.nn;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A residual block (He et al. 2016, eq. 1): {@code main(x) + shortcut(x)}, the shortcut the
 * identity unless another network is given, such as a 1x1 {@link Conv2D} that changes the channels
 * or a {@link Pool} that matches a downsampling main path. Its variables and updates are those of
 * both paths.
 *
 * <pre>{@code
 * Network block = new Residual(tf, new Sequential(List.of(
 *     Activation.relu(tf), new Conv2D(tf, "d_res1a", 64, 64, 3, 1, init, seeds),
 *     Activation.relu(tf), new Conv2D(tf, "d_res1b", 64, 64, 3, 1, init, seeds))));
 * }</pre>
 */
public final class Residual implements Network {
  private final Ops tf;
  private final Network main;
  private final Network shortcut;
  private final Trainable parts;

  /** {@code main(x) + x}. */
  public Residual(Ops tf, Network main) {
    this(tf, main, Activation.identity());
  }

  /** {@code main(x) + shortcut(x)}; the two must give the same shape. */
  public Residual(Ops tf, Network main, Network shortcut) {
    this.tf = requireNonNull(tf, "tf");
    this.main = requireNonNull(main, "main");
    this.shortcut = requireNonNull(shortcut, "shortcut");
    this.parts = Trainable.union(List.of(main, shortcut));
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
    return tf.math.add(main.apply(input, mode), shortcut.apply(input, mode));
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
