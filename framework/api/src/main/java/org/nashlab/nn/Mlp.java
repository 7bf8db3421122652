package org.nashlab.nn;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.op.Ops;

/** Multi-layer perceptrons with ReLU hidden layers and Glorot-uniform weights. */
public final class Mlp {
  private Mlp() {}

  /**
   * {@code depth} hidden ReLU layers of {@code width} units, then a linear layer of {@code
   * outputs}.
   */
  public static Sequential of(
      Ops tf, String prefix, long inputs, long width, int depth, long outputs, Seeds seeds) {
    List<Network> layers = new ArrayList<>(hidden(tf, prefix, inputs, width, depth, seeds));
    layers.add(
        new Dense(
            tf,
            prefix + "_out",
            depth == 0 ? inputs : width,
            outputs,
            Initializer.glorotUniform(),
            seeds));
    return new Sequential(layers);
  }

  /** Only the hidden layers: {@code depth} ReLU layers of {@code width} units. */
  public static List<Network> hidden(
      Ops tf, String prefix, long inputs, long width, int depth, Seeds seeds) {
    List<Network> layers = new ArrayList<>();
    long in = inputs;
    for (int i = 1; i <= depth; i++) {
      layers.add(
          new Dense(tf, prefix + "_dense" + i, in, width, Initializer.glorotUniform(), seeds));
      layers.add(Activation.relu(tf));
      in = width;
    }
    return layers;
  }
}
