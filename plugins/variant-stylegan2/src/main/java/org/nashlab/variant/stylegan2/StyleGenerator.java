package org.nashlab.variant.stylegan2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nashlab.nn.Joins;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * StyleGAN2's generator: the {@link MappingNetwork} and the {@link SynthesisNetwork}, with the two
 * ways of giving the synthesis its styles: style mixing (the styles of one w up to a crossover
 * layer, of another from it on) and truncation ({@code w_avg + psi (w - w_avg)} at every layer).
 * The layers are named {@code g_...}, so the network is Nash's {@code g}.
 */
final class StyleGenerator implements Trainable {
  private final Ops tf;
  private final Architecture architecture;
  private final MappingNetwork mapping;
  private final SynthesisNetwork synthesis;
  private final Trainable parts;

  StyleGenerator(Ops tf, Architecture architecture, float mappingLearningRate, Seeds seeds) {
    this.tf = tf;
    this.architecture = architecture;
    this.mapping = new MappingNetwork(tf, architecture, mappingLearningRate, seeds);
    this.synthesis = new SynthesisNetwork(tf, architecture, seeds);
    this.parts = Trainable.union(List.of(mapping, synthesis));
  }

  MappingNetwork mapping() {
    return mapping;
  }

  /** {@code w}, {@code [N, latent]}, of the latents {@code z}. */
  Operand<TFloat32> w(Operand<TFloat32> z) {
    return mapping.apply(z, Mode.TRAINING);
  }

  /**
   * Per-layer styles {@code [N, styles, latent]}: {@code first} at the layers before {@code
   * crossover} (a scalar), {@code second} from it on.
   */
  Operand<TFloat32> mixed(
      Operand<TFloat32> first, Operand<TFloat32> second, Operand<TFloat32> crossover) {
    List<Operand<TFloat32>> layers = new ArrayList<>();
    for (int i = 0; i < architecture.styles(); i++) {
      // A selection, not a blend: each layer's style is exactly one latent's.
      layers.add(tf.select(tf.math.greaterEqual(tf.constant((float) i), crossover), second, first));
    }
    return Joins.stack(tf, layers, 1);
  }

  /** The same {@code w} at every layer, {@code [N, styles, latent]}. */
  Operand<TFloat32> broadcast(Operand<TFloat32> w) {
    return Joins.stack(tf, Collections.nCopies(architecture.styles(), w), 1);
  }

  /** The image of per-layer styles {@code ws} and the noise images. */
  Operand<TFloat32> synthesis(Operand<TFloat32> ws, List<Operand<TFloat32>> noises) {
    return synthesis.apply(ws, noises);
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
