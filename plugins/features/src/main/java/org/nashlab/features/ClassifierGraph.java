package org.nashlab.features;

import java.util.List;
import org.nashlab.nn.Activation;
import org.nashlab.nn.Conv2D;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Reshape;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Sequential;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The small CNN Nash trains as a feature network: two stride-2 3x3 convolutions (32 and 64
 * channels, leaky ReLU), a 128-unit ReLU layer whose activations are the features, and a linear
 * layer to the class logits.
 */
final class ClassifierGraph {
  static final int FEATURES = 128;
  final Placeholder<TFloat32> images;
  final Operand<TFloat32> features;
  final Operand<TFloat32> logits;
  final Operand<TFloat32> probabilities;
  final List<Variable<TFloat32>> variables;

  ClassifierGraph(Graph graph, Shape imageShape, int classes, Seeds seeds) {
    Ops tf = Ops.create(graph);
    long height = imageShape.get(0);
    long width = imageShape.get(1);
    long channels = imageShape.get(2);
    long flat = ((height + 3) / 4) * ((width + 3) / 4) * 64;
    Network body =
        new Sequential(
            List.of(
                new Conv2D(tf, "c_conv1", channels, 32, 3, 2, Initializer.heNormal(), seeds),
                Activation.leakyRelu(tf, 0.2f),
                new Conv2D(tf, "c_conv2", 32, 64, 3, 2, Initializer.heNormal(), seeds),
                Activation.leakyRelu(tf, 0.2f),
                Reshape.flatten(tf, flat),
                new Dense(tf, "c_features", flat, FEATURES, Initializer.heNormal(), seeds),
                Activation.relu(tf)));
    Dense head = new Dense(tf, "c_logits", FEATURES, classes, Initializer.glorotUniform(), seeds);
    this.images =
        tf.withName("images")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1).append(imageShape)));
    this.features = body.apply(images, Mode.INFERENCE);
    this.logits = head.apply(features, Mode.INFERENCE);
    this.probabilities = tf.nn.softmax(logits);
    this.variables =
        java.util.stream.Stream.concat(body.variables().stream(), head.variables().stream())
            .toList();
  }
}
