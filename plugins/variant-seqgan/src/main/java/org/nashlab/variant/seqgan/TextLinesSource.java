package org.nashlab.variant.seqgan;

import java.util.random.RandomGenerator;
import org.nashlab.api.TokenSequences;
import org.tensorflow.ndarray.Shape;

/** The lines of a user's text file as token sequences ({@link TextCorpus}). */
final class TextLinesSource implements TokenSequences, HeldOutSequences {
  private final TextCorpus corpus;

  TextLinesSource(TextCorpus corpus) {
    this.corpus = corpus;
  }

  @Override
  public Shape sampleShape() {
    return corpus.sequences().sampleShape();
  }

  @Override
  public void fillBatch(float[] target, int batchSize, RandomGenerator random) {
    corpus.sequences().fillBatch(target, batchSize, random);
  }

  @Override
  public int vocabularySize() {
    return corpus.vocabulary().size();
  }

  @Override
  public String decode(int[] tokens) {
    return corpus.decode(tokens);
  }

  @Override
  public String vocabularyListing() {
    StringBuilder listing = new StringBuilder();
    for (int v = 0; v < corpus.vocabulary().size(); v++) {
      listing.append(v).append('\t').append(corpus.vocabulary().get(v)).append('\n');
    }
    return listing.toString();
  }

  @Override
  public int[][] heldOut() {
    return corpus.sequences().heldOut();
  }

  @Override
  public int contentLength(int[] sample) {
    return corpus.contentLength(sample);
  }
}
