package org.nashlab.variant.seqgan;

import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import java.util.random.RandomGenerator;

/**
 * SeqGAN's synthetic oracle: an LSTM language model with every parameter drawn from N(0, 1), as the
 * paper says and the authors' {@code target_params.pkl} holds. Token 0 is the start input (and an
 * ordinary token), as in the authors' {@code target_lstm.py}. The cell, with no peepholes:
 *
 * <pre>
 * i, f, o = sigmoid([x, h] W_{i,f,o} + b_{i,f,o}),  c~ = tanh([x, h] W_c + b_c)
 * c' = f c + i c~,  h' = o tanh(c'),  logits = h' W_out + b_out
 * </pre>
 *
 * Computed in double precision, in plain Java: the oracle is data and a yardstick, never trained.
 */
final class Oracle {
  static final int START = 0;
  private final int vocabulary;
  private final int embedding;
  private final int hidden;
  private final double[] table; // [vocabulary][embedding]
  private final double[] gates; // [embedding + hidden][4 hidden], gates i, f, o, c
  private final double[] gateBias; // [4 hidden]
  private final double[] out; // [hidden][vocabulary]
  private final double[] outBias; // [vocabulary]

  private Oracle(int vocabulary, int embedding, int hidden, RandomGenerator random) {
    this.vocabulary = vocabulary;
    this.embedding = embedding;
    this.hidden = hidden;
    this.table = gaussian(vocabulary * embedding, random);
    this.gates = gaussian((embedding + hidden) * 4 * hidden, random);
    this.gateBias = gaussian(4 * hidden, random);
    this.out = gaussian(hidden * vocabulary, random);
    this.outBias = gaussian(vocabulary, random);
  }

  /** The oracle of {@code seed}: the same seed gives the same parameters on every machine. */
  static Oracle random(long seed, int vocabulary, int embedding, int hidden) {
    return new Oracle(vocabulary, embedding, hidden, new SplittableRandom(seed));
  }

  int vocabulary() {
    return vocabulary;
  }

  /** One sequence of {@code length} tokens, each drawn from the model given the ones before it. */
  int[] sample(int length, RandomGenerator random) {
    int[] tokens = new int[length];
    Cursor cursor = new Cursor();
    int input = START;
    for (int t = 0; t < length; t++) {
      double[] p = cursor.next(input);
      double u = random.nextDouble();
      int token = vocabulary - 1;
      double cumulative = 0;
      for (int v = 0; v < vocabulary; v++) {
        cumulative += p[v];
        if (u < cumulative) {
          token = v;
          break;
        }
      }
      tokens[t] = token;
      input = token;
    }
    return tokens;
  }

  /** {@code -sum_t log p(x_t | x_<t)} of one sequence, in nats. */
  double negativeLogLikelihood(int[] sequence) {
    return sumAlong(sequence, (p, token) -> -Math.log(p[token]));
  }

  /**
   * {@code sum_t H(p(. | x_<t))}: the entropy of each next-token distribution along {@code
   * sequence}, in nats. Its mean over the oracle's own samples estimates the same entropy rate as
   * their negative log-likelihood, with less variance.
   */
  double stepEntropies(int[] sequence) {
    return sumAlong(
        sequence,
        (p, token) -> {
          double entropy = 0;
          for (double q : p) {
            if (q > 0) {
              entropy -= q * Math.log(q);
            }
          }
          return entropy;
        });
  }

  /** The sum over the tokens of {@code sequence} of {@code term(p(. | x_<t), x_t)}. */
  private double sumAlong(int[] sequence, ToDoubleBiFunction<double[], Integer> term) {
    Cursor cursor = new Cursor();
    double sum = 0;
    int input = START;
    for (int token : sequence) {
      sum += term.applyAsDouble(cursor.next(input), token);
      input = token;
    }
    return sum;
  }

  /** The LSTM's state along one sequence. */
  private final class Cursor {
    private final double[] h = new double[hidden];
    private final double[] c = new double[hidden];
    private final double[] z = new double[4 * hidden];

    /** Feeds {@code token} and returns the distribution of the next one. */
    double[] next(int token) {
      System.arraycopy(gateBias, 0, z, 0, z.length);
      for (int k = 0; k < embedding; k++) {
        accumulate(table[token * embedding + k], k);
      }
      for (int k = 0; k < hidden; k++) {
        accumulate(h[k], embedding + k);
      }
      for (int j = 0; j < hidden; j++) {
        double in = sigmoid(z[j]);
        double forget = sigmoid(z[hidden + j]);
        double output = sigmoid(z[2 * hidden + j]);
        c[j] = forget * c[j] + in * Math.tanh(z[3 * hidden + j]);
        h[j] = output * Math.tanh(c[j]);
      }
      double[] logits = outBias.clone();
      for (int j = 0; j < hidden; j++) {
        for (int v = 0; v < vocabulary; v++) {
          logits[v] += h[j] * out[j * vocabulary + v];
        }
      }
      return softmax(logits);
    }

    private void accumulate(double x, int row) {
      int offset = row * 4 * hidden;
      for (int j = 0; j < z.length; j++) {
        z[j] += x * gates[offset + j];
      }
    }
  }

  private static double[] softmax(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double l : logits) {
      max = Math.max(max, l);
    }
    double sum = 0;
    for (int v = 0; v < logits.length; v++) {
      logits[v] = Math.exp(logits[v] - max);
      sum += logits[v];
    }
    for (int v = 0; v < logits.length; v++) {
      logits[v] /= sum;
    }
    return logits;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double[] gaussian(int n, RandomGenerator random) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextGaussian();
    }
    return values;
  }
}
