package org.nashlab.variant.seqgan;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.nashlab.api.TokenSequences;
import org.tensorflow.ndarray.Shape;

/**
 * Sequences drawn from an {@link Oracle}: a training set and a held-out set, both drawn once when
 * the source opens, from a stream split off the oracle's seed, so every trial of an experiment sees
 * the same sets. Tokens are written as their ids.
 */
final class OracleSource implements TokenSequences, SequenceOracle, HeldOutSequences {
  private final Oracle oracle;
  private final SequenceSet sequences;

  OracleSource(Oracle oracle, long seed, int length, int trainSize, int testSize) {
    this.oracle = oracle;
    SplittableRandom random = new SplittableRandom(seed).split();
    this.sequences =
        new SequenceSet(
            draw(oracle, trainSize, length, random),
            draw(oracle, testSize, length, random),
            length);
  }

  private static int[][] draw(Oracle oracle, int n, int length, RandomGenerator random) {
    int[][] rows = new int[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = oracle.sample(length, random);
    }
    return rows;
  }

  @Override
  public Shape sampleShape() {
    return sequences.sampleShape();
  }

  @Override
  public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
    sequences.fillBatch(target, batchSize, random);
  }

  @Override
  public int vocabularySize() {
    return oracle.vocabulary();
  }

  @Override
  public String decode(int[] tokens) {
    return Arrays.stream(tokens).mapToObj(Integer::toString).collect(Collectors.joining(" "));
  }

  @Override
  public String vocabularyListing() {
    return "oracle tokens are their ids, 0 to " + (oracle.vocabulary() - 1) + "\n";
  }

  @Override
  public double negativeLogLikelihood(int[][] samples) {
    double nll = 0;
    long tokens = 0;
    for (int[] sample : samples) {
      nll += oracle.negativeLogLikelihood(sample);
      tokens += sample.length;
    }
    return nll / tokens;
  }

  @Override
  public int[][] heldOut() {
    return sequences.heldOut();
  }

  @Override
  public int contentLength(int[] sample) {
    return sample.length;
  }

  int[][] train() {
    return sequences.train();
  }
}
