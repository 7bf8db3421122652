package org.nashlab.variant.seqgan;

import java.util.ArrayList;
import java.util.List;
import org.nashlab.nn.Joins;
import org.nashlab.nn.Mode;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;

/**
 * SeqGAN's rewards (Yu et al. 2017, eq. 4), the authors' {@code rollout.py}: for each prefix of
 * {@code g < T} tokens of a drawn sequence, {@code rollouts} completions drawn by the generator
 * from that prefix on, and the reward of token {@code g} is D's mean probability that the
 * completions are real; the last token's reward is D's probability for the whole sequence. D judges
 * in inference mode (the authors: dropout keep 1.0). The rollout policy is the current generator:
 * the authors' {@code update_params} (a delayed copy at rate 0.8) rebinds attributes their graph
 * never reads, so their rollouts run on the current generator too.
 */
final class Rollouts {
  private final Ops tf;
  private final LstmGenerator generator;
  private final TokenCritic critic;
  private final int rollouts;
  private final int length;

  Rollouts(Ops tf, LstmGenerator generator, TokenCritic critic, int rollouts, int length) {
    this.tf = tf;
    this.generator = generator;
    this.critic = critic;
    this.rollouts = rollouts;
    this.length = length;
  }

  /** Uniforms each row needs for its rollouts: {@code rollouts} times {@code T(T-1)/2}. */
  static int uniformsPerRow(int rollouts, int length) {
    return rollouts * tokensAfterPrefixes(length);
  }

  /** The tokens one rollout draws over all prefixes 1 .. T-1: {@code (T-1) + ... + 1}. */
  private static int tokensAfterPrefixes(int length) {
    return length * (length - 1) / 2;
  }

  /**
   * The rewards of {@code drawn}'s tokens, {@code [rows, T]}, a constant to differentiation.
   *
   * @param uniforms {@code [rows, uniformsPerRow]} in [0, 1]: rollout {@code n} of row {@code b}
   *     reads columns {@code n * T(T-1)/2 ..}, the prefix of {@code g} tokens the next {@code T -
   *     g}
   */
  Operand<TFloat32> rewards(LstmGenerator.Drawn drawn, Operand<TFloat64> uniforms) {
    Operand<TInt32> rows = LstmGenerator.rows(tf, drawn.tokens());
    int perRollout = tokensAfterPrefixes(length);
    // [rows, N * S] -> [N * rows, S]: row n * rows + b is rollout n of row b.
    Operand<TFloat64> byRollout =
        tf.reshape(
            tf.linalg.transpose(
                tf.reshape(
                    uniforms,
                    tf.stack(List.of(rows, tf.constant(rollouts), tf.constant(perRollout)))),
                tf.constant(new int[] {1, 0, 2})),
            tf.constant(new int[] {-1, perRollout}));
    List<Operand<TFloat32>> rewards = new ArrayList<>();
    int offset = 0;
    for (int g = 1; g < length; g++) {
      int remaining = length - g;
      Operand<TFloat32> probability =
          realProbability(complete(drawn, columns(byRollout, offset, remaining), g));
      rewards.add(
          tf.math.mean(
              tf.reshape(probability, tf.stack(List.of(tf.constant(rollouts), rows))),
              tf.constant(0)));
      offset += remaining;
    }
    rewards.add(realProbability(drawn.tokens()));
    return tf.stopGradient(Joins.stack(tf, rewards, 1));
  }

  /**
   * {@code rollouts} completions of the first {@code g} tokens of each of {@code drawn}'s rows,
   * {@code [rollouts * rows, T]} (completion {@code n} of row {@code b} at row {@code n * rows +
   * b}): the prefix as drawn, the rest drawn by the generator from the prefix's state at {@code
   * uniforms}, {@code [rollouts * rows, T - g]}.
   */
  Operand<TInt32> complete(LstmGenerator.Drawn drawn, Operand<TFloat64> uniforms, int g) {
    LstmGenerator.State<TFloat64> from = drawn.states().get(g);
    LstmGenerator.State<TFloat64> tiled = new LstmGenerator.State<>(tile(from.h()), tile(from.c()));
    Operand<TInt32> prefix = tile(columns(drawn.tokens(), 0, g));
    Operand<TInt32> last =
        tf.reshape(tile(columns(drawn.tokens(), g - 1, 1)), tf.constant(new int[] {-1}));
    Operand<TInt32> rest = generator.draw(tiled, last, uniforms, length - g).tokens();
    return tf.concat(List.of(prefix, rest), tf.constant(1));
  }

  /** D's probability that each sequence is real, {@code [rows]}. */
  private Operand<TFloat32> realProbability(Operand<TInt32> tokens) {
    Operand<TFloat32> logits = critic.apply(critic.embed(tokens), Mode.INFERENCE);
    return tf.reshape(tf.math.sigmoid(logits), tf.constant(new int[] {-1}));
  }

  /** {@code x} repeated {@code rollouts} times along the rows. */
  private <T extends org.tensorflow.types.family.TType> Operand<T> tile(Operand<T> x) {
    return tf.tile(x, tf.constant(new int[] {rollouts, 1}));
  }

  private <T extends org.tensorflow.types.family.TType> Operand<T> columns(
      Operand<T> x, int first, int count) {
    return tf.slice(x, tf.constant(new int[] {0, first}), tf.constant(new int[] {-1, count}));
  }
}
