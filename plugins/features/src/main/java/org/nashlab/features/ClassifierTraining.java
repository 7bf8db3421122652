package org.nashlab.features;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nashlab.api.IndexedSource;
import org.nashlab.nn.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Trains {@link ClassifierGraph} with Adam on softmax cross-entropy, over one fixed shuffle of the
 * samples with a held-out share set aside, and measures the held-out accuracy.
 */
final class ClassifierTraining {
  private static final Logger log = LoggerFactory.getLogger(ClassifierTraining.class);

  private ClassifierTraining() {}

  static int heldOut(IndexedSource data, TrainedClassifier.Params params) {
    return (int) Math.round(data.size() * params.heldOut());
  }

  /** Trains, saves the variables at {@code prefix}, and returns the held-out accuracy. */
  static double run(
      IndexedSource data, TrainedClassifier.Params params, java.nio.file.Path prefix) {
    int[] order = data.shuffledIndices(new SplittableRandom(params.seed()));
    int held = heldOut(data, params);
    try (Graph graph = new Graph()) {
      ClassifierGraph network =
          new ClassifierGraph(graph, data.sampleShape(), data.classes(), new Seeds(params.seed()));
      Ops tf = Ops.create(graph);
      Placeholder<TInt32> labels =
          tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
      // Cross-entropy through log-softmax: TF Java has no gradient for the fused sparse op.
      Operand<TFloat32> oneHot =
          tf.oneHot(labels, tf.constant(data.classes()), tf.constant(1f), tf.constant(0f));
      Operand<TFloat32> loss =
          tf.math.neg(
              tf.math.mean(
                  tf.reduceSum(
                      tf.math.mul(oneHot, tf.nn.logSoftmax(network.logits)), tf.constant(1)),
                  tf.constant(0)));
      Op step = adam(graph, tf, loss, network.variables, (float) params.lr());
      try (Session session = new Session(graph)) {
        session.initialize();
        int batch = params.batchSize();
        int trainSize = data.size() - held;
        float[] images = new float[batch * (int) data.sampleShape().size()];
        int[] y = new int[batch];
        for (int s = 0; s < params.steps(); s++) {
          for (int i = 0; i < batch; i++) {
            int index = order[held + (int) (((long) s * batch + i) % trainSize)];
            data.copy(index, images, i);
            y[i] = data.label(index);
          }
          try (TFloat32 x = images(images, batch, data);
              TInt32 t = TInt32.vectorOf(y);
              var result =
                  session
                      .runner()
                      .feed(network.images, x)
                      .feed(labels, t)
                      .addTarget(step)
                      .fetch(loss)
                      .run()) {
            if ((s + 1) % 500 == 0) {
              log.info(
                  "classifier step {}/{}: loss {}",
                  s + 1,
                  params.steps(),
                  ((TFloat32) result.get(0)).getFloat());
            }
          }
        }
        session.save(prefix.toString());
        return accuracy(session, network, data, order, held);
      }
    }
  }

  private static double accuracy(
      Session session, ClassifierGraph network, IndexedSource data, int[] order, int held) {
    int size = (int) data.sampleShape().size();
    int correct = 0;
    for (int first = 0; first < held; first += 500) {
      int n = Math.min(500, held - first);
      float[] images = new float[n * size];
      for (int i = 0; i < n; i++) {
        data.copy(order[first + i], images, i);
      }
      float[] p = new float[n * data.classes()];
      try (TFloat32 x = images(images, n, data);
          var result =
              session.runner().feed(network.images, x).fetch(network.probabilities).run()) {
        ((TFloat32) result.get(0)).copyTo(DataBuffers.of(p, false, false));
      }
      for (int i = 0; i < n; i++) {
        int best = 0;
        for (int c = 1; c < data.classes(); c++) {
          if (p[i * data.classes() + c] > p[i * data.classes() + best]) {
            best = c;
          }
        }
        correct += best == data.label(order[first + i]) ? 1 : 0;
      }
    }
    return (double) correct / held;
  }

  private static TFloat32 images(float[] values, int n, IndexedSource data) {
    return TFloat32.tensorOf(
        Shape.of(n).append(data.sampleShape()), DataBuffers.of(values, true, false));
  }

  /** Adam (Kingma and Ba 2015), every update after every gradient is computed. */
  private static Op adam(
      Graph graph, Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, float lr) {
    Output<?>[] xs = variables.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
    Output<?>[] dy = {tf.withName("c_grad_seed").constant(1f).asOutput()};
    Output<?>[] grads = graph.addGradients("c_grad", new Output<?>[] {loss.asOutput()}, xs, dy);
    List<Op> ready = new ArrayList<>();
    for (Output<?> g : grads) {
      ready.add(tf.identity(g.expect(TFloat32.class)));
    }
    Ops after = tf.withControlDependencies(ready);
    Variable<TFloat32> beta1Power = tf.withName("c_beta1_power").variable(tf.constant(0.9f));
    Variable<TFloat32> beta2Power = tf.withName("c_beta2_power").variable(tf.constant(0.999f));
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> v = variables.get(i);
      Variable<TFloat32> m =
          tf.withName(v.op().name() + "_m")
              .variable(tf.zeros(tf.constant(v.shape()), TFloat32.class));
      Variable<TFloat32> s =
          tf.withName(v.op().name() + "_v")
              .variable(tf.zeros(tf.constant(v.shape()), TFloat32.class));
      updates.add(
          after.train.applyAdam(
              v,
              m,
              s,
              beta1Power,
              beta2Power,
              tf.constant(lr),
              tf.constant(0.9f),
              tf.constant(0.999f),
              tf.constant(1e-7f),
              grads[i].expect(TFloat32.class)));
    }
    Ops afterUpdates = tf.withControlDependencies(updates);
    List<Op> powers =
        List.of(
            afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, tf.constant(0.9f))),
            afterUpdates.assign(
                beta2Power, afterUpdates.math.mul(beta2Power, tf.constant(0.999f))));
    return tf.withControlDependencies(powers).withName("c_train").noOp();
  }
}
