package org.nashlab.variant.seqgan;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Initializer;
import org.nashlab.nn.Joins;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.Trainable;
import org.nashlab.nn.Variables;
import org.nashlab.nn.WeightReads;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;
import org.tensorflow.types.family.TType;

/**
 * SeqGAN's generator, the authors' {@code generator.py}: token embeddings into an LSTM (gates i, f,
 * o and the candidate from {@code [x, h]}, no peepholes), a dense layer to the vocabulary's logits;
 * start input token 0; every parameter, biases included, N(0, 0.1^2). Unrolled over the sequence in
 * the graph.
 *
 * <p>Tokens are drawn by inverting the cumulative distribution at a fed uniform, so a sample is a
 * function of the fed noise. The drawing pass runs in double precision on the float weights, the
 * teacher-forced pass that training differentiates in float. Double drawing was added while runs
 * did not repeat, before the cause was found in the order of G's gradient sums (docs/tensorflow-
 * java.md, trap 10, which is why the steps are joined with {@link Joins}); whether float drawing
 * would repeat now is not measured.
 */
final class LstmGenerator implements Trainable {
  private static final float INIT_STD = 0.1f;
  private final Ops tf;
  private final int vocabulary;
  private final int hidden;
  private final List<Variable<TFloat32>> variables;
  private final WeightReads.Read cellRead;
  private final WeightReads.Read outRead;
  private final Weights<TFloat32> trained;
  private final Weights<TFloat64> drawing;

  /**
   * The LSTM's state after some tokens: output {@code h} and cell {@code c}, {@code [rows,
   * hidden]}.
   */
  record State<T extends TFloating>(Operand<T> h, Operand<T> c) {}

  /**
   * A drawn batch: the tokens {@code [rows, length]} and the states they were drawn in: {@code
   * states.get(t)} reads token {@code t - 1} (the start token for {@code t = 0}) next, and then
   * gives the logits of token {@code t}. A rollout from the first {@code g} tokens continues from
   * {@code states.get(g)} with token {@code g - 1} as input.
   */
  record Drawn(Operand<TInt32> tokens, List<State<TFloat64>> states) {}

  /** The weights in one precision. */
  private record Weights<T extends TFloating>(
      Class<T> type,
      Operand<T> table,
      Operand<T> cell,
      Operand<T> cellBias,
      Operand<T> out,
      Operand<T> outBias) {
    static <T extends TFloating> Weights<T> of(Class<T> type, List<Operand<T>> values) {
      return new Weights<>(
          type, values.get(0), values.get(1), values.get(2), values.get(3), values.get(4));
    }
  }

  LstmGenerator(Ops tf, String name, int vocabulary, int embedding, int hidden, Seeds seeds) {
    this.tf = tf;
    this.vocabulary = vocabulary;
    this.hidden = hidden;
    Initializer init = Initializer.normal(INIT_STD);
    Variable<TFloat32> table =
        Variables.create(
            tf, name + "_embedding_table", Shape.of(vocabulary, embedding), init, seeds);
    Variable<TFloat32> cellWeights =
        Variables.create(
            tf, name + "_lstm_w", Shape.of(embedding + hidden, 4L * hidden), init, seeds);
    this.cellRead = WeightReads.read(tf, name + "_lstm", cellWeights, 1);
    Variable<TFloat32> cellBias =
        Variables.create(tf, name + "_lstm_b", Shape.of(4L * hidden), init, seeds);
    Variable<TFloat32> outWeights =
        Variables.create(tf, name + "_out_w", Shape.of(hidden, vocabulary), init, seeds);
    this.outRead = WeightReads.read(tf, name + "_out", outWeights, 1);
    Variable<TFloat32> outBias =
        Variables.create(tf, name + "_out_b", Shape.of(vocabulary), init, seeds);
    this.variables = List.of(table, cellWeights, cellBias, outWeights, outBias);
    List<Operand<TFloat32>> reads =
        List.of(table, cellRead.value(), cellBias, outRead.value(), outBias);
    this.trained = Weights.of(TFloat32.class, reads);
    this.drawing =
        Weights.of(
            TFloat64.class,
            reads.stream().<Operand<TFloat64>>map(r -> tf.dtypes.cast(r, TFloat64.class)).toList());
  }

  @Override
  public List<Variable<TFloat32>> variables() {
    return variables;
  }

  @Override
  public List<Op> updates() {
    List<Op> updates = new ArrayList<>(cellRead.updates());
    updates.addAll(outRead.updates());
    return updates;
  }

  /** The number of rows of {@code x}, a scalar. */
  static Operand<TInt32> rows(Ops tf, Operand<?> x) {
    return tf.gather(tf.shape(x), tf.constant(0), tf.constant(0));
  }

  /** Start tokens, 0, for as many rows as {@code like} has. */
  Operand<TInt32> startTokens(Operand<?> like) {
    return tf.zeros(tf.reshape(rows(tf, like), tf.constant(new int[] {1})), TInt32.class);
  }

  /** The zero state, in the trained precision, for as many rows as {@code like} has. */
  State<TFloat32> start(Operand<?> like) {
    return start(like, trained);
  }

  /** One step in the trained precision: reads {@code tokens}, gives the new state. */
  State<TFloat32> step(State<TFloat32> state, Operand<TInt32> tokens) {
    return step(state, tokens, trained);
  }

  /** The logits of the next token after {@code state}, in the trained precision. */
  Operand<TFloat32> logits(State<TFloat32> state) {
    return logits(state, trained);
  }

  /**
   * Draws {@code length} tokens after {@code state}, the first given {@code input}, each at its
   * column of {@code uniforms} ({@code [rows, length]}, in [0, 1]).
   */
  Drawn draw(State<TFloat64> state, Operand<TInt32> input, Operand<TFloat64> uniforms, int length) {
    List<Operand<TInt32>> tokens = new ArrayList<>();
    List<State<TFloat64>> states = new ArrayList<>();
    State<TFloat64> s = state;
    Operand<TInt32> previous = input;
    for (int t = 0; t < length; t++) {
      states.add(s);
      s = step(s, previous, drawing);
      previous = Categorical.inverse(tf, logits(s, drawing), column(uniforms, t), vocabulary);
      tokens.add(previous);
    }
    return new Drawn(Joins.stack(tf, tokens, 1), states);
  }

  /** Draws whole sequences from the start, {@code [rows, length]}. */
  Drawn draw(Operand<TFloat64> uniforms, int length) {
    return draw(start(uniforms, drawing), startTokens(uniforms), uniforms, length);
  }

  /**
   * {@code log p(x_t | x_<t)} of every token of {@code tokens} ({@code [rows, length]}), {@code
   * [rows, length]}: the teacher-forced pass maximum likelihood and the policy gradient both
   * differentiate.
   */
  Operand<TFloat32> logProbabilities(Operand<TInt32> tokens, int length) {
    State<TFloat32> s = start(tokens);
    Operand<TInt32> previous = startTokens(tokens);
    List<Operand<TFloat32>> logProbabilities = new ArrayList<>();
    for (int t = 0; t < length; t++) {
      s = step(s, previous);
      Operand<TInt32> token = column(tokens, t);
      Operand<TFloat32> logSoftmax = tf.nn.logSoftmax(logits(s));
      Operand<TFloat32> chosen =
          tf.oneHot(token, tf.constant(vocabulary), tf.constant(1f), tf.constant(0f));
      logProbabilities.add(tf.sum(tf.math.mul(logSoftmax, chosen), tf.constant(1)));
      previous = token;
    }
    return Joins.stack(tf, logProbabilities, 1);
  }

  private <T extends TFloating> State<T> start(Operand<?> like, Weights<T> w) {
    Operand<T> zeros = tf.zeros(tf.stack(List.of(rows(tf, like), tf.constant(hidden))), w.type());
    return new State<>(zeros, zeros);
  }

  private <T extends TFloating> State<T> step(
      State<T> state, Operand<TInt32> tokens, Weights<T> w) {
    Operand<T> x = tf.gather(w.table(), tokens, tf.constant(0));
    Operand<T> z =
        tf.math.add(
            tf.linalg.matMul(tf.concat(List.of(x, state.h()), tf.constant(1)), w.cell()),
            w.cellBias());
    List<Operand<T>> gates = new ArrayList<>();
    for (int g = 0; g < 4; g++) {
      gates.add(
          tf.slice(z, tf.constant(new int[] {0, g * hidden}), tf.constant(new int[] {-1, hidden})));
    }
    Operand<T> c =
        tf.math.add(
            tf.math.mul(tf.math.sigmoid(gates.get(1)), state.c()),
            tf.math.mul(tf.math.sigmoid(gates.get(0)), tf.math.tanh(gates.get(3))));
    Operand<T> h = tf.math.mul(tf.math.sigmoid(gates.get(2)), tf.math.tanh(c));
    return new State<>(h, c);
  }

  private <T extends TFloating> Operand<T> logits(State<T> state, Weights<T> w) {
    return tf.math.add(tf.linalg.matMul(state.h(), w.out()), w.outBias());
  }

  private <T extends TType> Operand<T> column(Operand<T> matrix, int t) {
    return tf.squeeze(
        tf.slice(matrix, tf.constant(new int[] {0, t}), tf.constant(new int[] {-1, 1})),
        Squeeze.axis(List.of(1L)));
  }
}
