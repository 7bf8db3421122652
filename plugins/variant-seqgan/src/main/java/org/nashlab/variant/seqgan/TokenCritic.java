package org.nashlab.variant.seqgan;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Dense;
import org.nashlab.nn.Dropout;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Joins;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Variables;
import org.nashlab.nn.WeightReads;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * SeqGAN's discriminator, the authors' {@code discriminator.py} (after Kim 2014 and Zhang and LeCun
 * 2015): token embeddings (U(-1, 1)); convolutions of several widths over the whole embedding, each
 * with ReLU and max-over-time pooling; one highway layer (gate bias 0); dropout; a dense layer to
 * one logit. The authors' two-way softmax is this logit's sigmoid.
 *
 * <p>{@link #apply} reads embedded sequences, {@code [rows, length, embedding]}, so that the
 * experiment's loss and techniques (gradient penalties, instance noise) see a continuous input, the
 * embedding; {@link #embed} turns token ids into it with this critic's table, a variable of the
 * critic.
 */
final class TokenCritic implements Network {
  private static final float CONV_STD = 0.1f;
  private static final float CONV_BIAS = 0.1f;
  private final Ops tf;
  private final Variable<TFloat32> table;
  private final List<Filter> filters = new ArrayList<>();
  private final Dense highwayTransform;
  private final Dense highwayGate;
  private final Dropout dropout;
  private final Dense output;

  /** One width of convolution: its kernel {@code [width, embedding, 1, count]} and bias. */
  private record Filter(
      int width, WeightReads.Read kernel, Variable<TFloat32> weights, Variable<TFloat32> bias) {}

  TokenCritic(
      Ops tf,
      String name,
      int vocabulary,
      int embedding,
      Filters widths,
      float dropoutRate,
      Seeds seeds) {
    this.tf = tf;
    this.table =
        Variables.create(
            tf,
            name + "_embedding_table",
            Shape.of(vocabulary, embedding),
            uniformPlusMinusOne(),
            seeds);
    for (Filters.Width w : widths.widths()) {
      String layer = name + "_conv" + w.width();
      Variable<TFloat32> kernel =
          Variables.create(
              tf,
              layer + "_w",
              Shape.of(w.width(), embedding, 1, w.count()),
              Initializer.normal(CONV_STD),
              seeds);
      filters.add(
          new Filter(
              w.width(),
              WeightReads.read(tf, layer, kernel, 3),
              kernel,
              Variables.filled(tf, layer + "_b", Shape.of(w.count()), CONV_BIAS)));
    }
    long features = widths.total();
    this.highwayTransform =
        new Dense(tf, name + "_highway", features, features, Initializer.glorotUniform(), seeds);
    this.highwayGate =
        new Dense(
            tf, name + "_highway_gate", features, features, Initializer.glorotUniform(), seeds);
    this.dropout = new Dropout(tf, name + "_dropout", dropoutRate, seeds);
    this.output = new Dense(tf, name + "_output", features, 1, Initializer.normal(CONV_STD), seeds);
  }

  /** Token ids {@code [rows, length]} as this critic's input, {@code [rows, length, embedding]}. */
  Operand<TFloat32> embed(Operand<TInt32> tokens) {
    return tf.gather(table, tokens, tf.constant(0));
  }

  @Override
  public Operand<TFloat32> apply(Operand<TFloat32> embedded, Mode mode) {
    Operand<TFloat32> image = tf.expandDims(embedded, tf.constant(3));
    List<Operand<TFloat32>> pooled = new ArrayList<>();
    for (Filter f : filters) {
      Operand<TFloat32> conv =
          tf.nn.relu(
              tf.math.add(
                  tf.nn.conv2d(image, f.kernel().value(), List.of(1L, 1L, 1L, 1L), "VALID"),
                  f.bias()));
      // [rows, length - width + 1, 1, count] -> max over time -> [rows, count]
      pooled.add(tf.max(conv, tf.constant(new int[] {1, 2})));
    }
    Operand<TFloat32> x = Joins.concat(tf, pooled, 1);
    Operand<TFloat32> gate = tf.math.sigmoid(highwayGate.apply(x, mode));
    Operand<TFloat32> transformed = tf.nn.relu(highwayTransform.apply(x, mode));
    Operand<TFloat32> highway =
        tf.math.add(
            tf.math.mul(gate, transformed), tf.math.mul(tf.math.sub(tf.constant(1f), gate), x));
    return output.apply(dropout.apply(highway, mode), mode);
  }

  /** {@code sum(w^2) / 2 + sum(b^2) / 2} of the output layer, the authors' L2 term. */
  Operand<TFloat32> outputL2() {
    List<Operand<TFloat32>> halves = new ArrayList<>();
    for (Variable<TFloat32> v : output.variables()) {
      Operand<TFloat32> flat = tf.reshape(tf.math.mul(v, v), tf.constant(new int[] {-1}));
      halves.add(tf.math.mul(tf.constant(0.5f), tf.sum(flat, tf.constant(0))));
    }
    return tf.math.addN(halves);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    List<Variable<TFloat32>> all = new ArrayList<>();
    all.add(table);
    for (Filter f : filters) {
      all.add(f.weights());
      all.add(f.bias());
    }
    all.addAll(highwayTransform.variables());
    all.addAll(highwayGate.variables());
    all.addAll(output.variables());
    return all;
  }

  @Override
  public List<Op> updates() {
    List<Op> updates = new ArrayList<>();
    filters.forEach(f -> updates.addAll(f.kernel().updates()));
    updates.addAll(highwayTransform.updates());
    updates.addAll(highwayGate.updates());
    updates.addAll(output.updates());
    return updates;
  }

  private static Initializer uniformPlusMinusOne() {
    return (tf, shape, seeds) ->
        tf.math.sub(
            tf.math.mul(
                tf.random.randomUniform(
                    tf.constant(shape),
                    TFloat32.class,
                    org.tensorflow.op.random.RandomUniform.seed(seeds.next()).seed2(seeds.next())),
                tf.constant(2f)),
            tf.constant(1f));
  }
}
