package org.nashlab.variant.seqgan;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
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
 * SeqGAN's generator, the authors' {@code generator.py}: token embeddings into an LSTM (gates i, f,
 * o and the candidate from {@code [x, h]}, no peepholes), a dense layer to the vocabulary's logits;
 * start input token 0; every parameter, biases included, N(0, 0.1^2). Unrolled over the sequence in
 * the graph. Tokens are drawn by inverting the cumulative distribution at a fed uniform, so a
 * sample is a function of the fed noise and a resumed run draws what an uninterrupted one would.
 */
final class LstmGenerator implements Trainable {
  private static final float INIT_STD = 0.1f;
  private final Ops tf;
  private final int vocabulary;
  private final int hidden;
  private final List<Variable<TFloat32>> variables;
  private final Variable<TFloat32> table;
  private final WeightReads.Read cell;
  private final Variable<TFloat32> cellBias;
  private final WeightReads.Read out;
  private final Variable<TFloat32> outBias;

  /**
   * The LSTM's state after some tokens: its output {@code h} and cell {@code c}, {@code [rows,
   * hidden]}.
   */
  record State(Operand<TFloat32> h, Operand<TFloat32> c) {}

  /**
   * A drawn batch: the tokens {@code [rows, length]} and the states they were drawn in: {@code
   * states.get(t)} reads token {@code t - 1} (the start token for {@code t = 0}) next, and then
   * gives the logits of token {@code t}. A rollout from the first {@code g} tokens continues from
   * {@code states.get(g)} with token {@code g - 1} as input.
   */
  record Drawn(Operand<TInt32> tokens, List<State> states) {}

  LstmGenerator(Ops tf, String name, int vocabulary, int embedding, int hidden, Seeds seeds) {
    this.tf = tf;
    this.vocabulary = vocabulary;
    this.hidden = hidden;
    Initializer init = Initializer.normal(INIT_STD);
    this.table =
        Variables.create(
            tf, name + "_embedding_table", Shape.of(vocabulary, embedding), init, seeds);
    Variable<TFloat32> cellWeights =
        Variables.create(
            tf, name + "_lstm_w", Shape.of(embedding + hidden, 4L * hidden), init, seeds);
    this.cell = WeightReads.read(tf, name + "_lstm", cellWeights, 1);
    this.cellBias = Variables.create(tf, name + "_lstm_b", Shape.of(4L * hidden), init, seeds);
    Variable<TFloat32> outWeights =
        Variables.create(tf, name + "_out_w", Shape.of(hidden, vocabulary), init, seeds);
    this.out = WeightReads.read(tf, name + "_out", outWeights, 1);
    this.outBias = Variables.create(tf, name + "_out_b", Shape.of(vocabulary), init, seeds);
    this.variables = List.of(table, cellWeights, cellBias, outWeights, outBias);
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return variables;
  }

  @Override
  public List<Op> updates() {
    List<Op> updates = new ArrayList<>(cell.updates());
    updates.addAll(out.updates());
    return updates;
  }

  /** The zero state for as many rows as {@code like} has. */
  State start(Operand<?> like) {
    Operand<TInt32> rows = rows(tf, like);
    Operand<TFloat32> zeros =
        tf.zeros(tf.stack(List.of(rows, tf.constant(hidden))), TFloat32.class);
    return new State(zeros, zeros);
  }

  /** Start tokens, 0, for as many rows as {@code like} has. */
  Operand<TInt32> startTokens(Operand<?> like) {
    Operand<TInt32> rows = rows(tf, like);
    return tf.zeros(tf.reshape(rows, tf.constant(new int[] {1})), TInt32.class);
  }

  /** The number of rows of {@code x}, a scalar. */
  static Operand<TInt32> rows(Ops tf, Operand<?> x) {
    return tf.gather(tf.shape(x), tf.constant(0), tf.constant(0));
  }

  /**
   * One step: reads {@code tokens}, gives the new state; {@link #logits} of it are the next
   * token's.
   */
  State step(State state, Operand<TInt32> tokens) {
    Operand<TFloat32> x = tf.gather(table, tokens, tf.constant(0));
    Operand<TFloat32> z =
        tf.math.add(
            tf.linalg.matMul(tf.concat(List.of(x, state.h()), tf.constant(1)), cell.value()),
            cellBias);
    List<Operand<TFloat32>> gates = split(z);
    Operand<TFloat32> c =
        tf.math.add(
            tf.math.mul(tf.math.sigmoid(gates.get(1)), state.c()),
            tf.math.mul(tf.math.sigmoid(gates.get(0)), tf.math.tanh(gates.get(3))));
    Operand<TFloat32> h = tf.math.mul(tf.math.sigmoid(gates.get(2)), tf.math.tanh(c));
    return new State(h, c);
  }

  Operand<TFloat32> logits(State state) {
    return tf.math.add(tf.linalg.matMul(state.h(), out.value()), outBias);
  }

  /**
   * Draws {@code length} tokens after {@code state}, the first given {@code input}, each at its
   * column of {@code uniforms} ({@code [rows, length]}, in [0, 1]).
   */
  Drawn draw(State state, Operand<TInt32> input, Operand<TFloat32> uniforms, int length) {
    List<Operand<TInt32>> tokens = new ArrayList<>();
    List<State> states = new ArrayList<>();
    State s = state;
    Operand<TInt32> previous = input;
    for (int t = 0; t < length; t++) {
      states.add(s);
      s = step(s, previous);
      previous = Categorical.inverse(tf, logits(s), column(uniforms, t), vocabulary);
      tokens.add(previous);
    }
    return new Drawn(tf.stack(tokens, org.tensorflow.op.core.Stack.axis(1L)), states);
  }

  /** Draws whole sequences from the start, {@code [rows, length]}. */
  Drawn draw(Operand<TFloat32> uniforms, int length) {
    return draw(start(uniforms), startTokens(uniforms), uniforms, length);
  }

  /**
   * {@code log p(x_t | x_<t)} of every token of {@code tokens} ({@code [rows, length]}), {@code
   * [rows, length]}: the teacher-forced pass maximum likelihood and the policy gradient both
   * differentiate.
   */
  Operand<TFloat32> logProbabilities(Operand<TInt32> tokens, int length) {
    State s = start(tokens);
    Operand<TInt32> previous = startTokens(tokens);
    List<Operand<TFloat32>> logProbabilities = new ArrayList<>();
    for (int t = 0; t < length; t++) {
      s = step(s, previous);
      Operand<TInt32> token = column(tokens, t);
      Operand<TFloat32> logSoftmax = tf.nn.logSoftmax(logits(s));
      logProbabilities.add(
          tf.sum(
              tf.math.mul(
                  logSoftmax,
                  tf.oneHot(token, tf.constant(vocabulary), tf.constant(1f), tf.constant(0f))),
              tf.constant(1)));
      previous = token;
    }
    return tf.stack(logProbabilities, org.tensorflow.op.core.Stack.axis(1L));
  }

  private <T extends org.tensorflow.types.family.TType> Operand<T> column(
      Operand<T> matrix, int t) {
    return tf.squeeze(
        tf.slice(matrix, tf.constant(new int[] {0, t}), tf.constant(new int[] {-1, 1})),
        org.tensorflow.op.core.Squeeze.axis(List.of(1L)));
  }

  private List<Operand<TFloat32>> split(Operand<TFloat32> z) {
    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (int g = 0; g < 4; g++) {
      parts.add(
          tf.slice(z, tf.constant(new int[] {0, g * hidden}), tf.constant(new int[] {-1, hidden})));
    }
    return parts;
  }
}
