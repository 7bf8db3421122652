package org.nashlab.api;

/**
 * A capability of data sources whose samples are sequences of discrete tokens: a sample of shape
 * {@code [length]} holds token ids {@code 0 .. vocabularySize() - 1}, each written as a float, as
 * every sample Nash feeds is. A program casts them to integers in its graph. Nash logs the
 * generator's samples of such a stream as text ({@code samples/step-NNNNNN.txt}), decoded here.
 */
public interface TokenSequences extends DataSource {
  /** How many distinct tokens there are; ids run from 0 to this minus 1. */
  int vocabularySize();

  /**
   * One sample as text: its tokens' spellings joined as the source writes them (characters side by
   * side, words with spaces), up to its end token when it has one.
   */
  String decode(int[] tokens);

  /** Every token's spelling by id, one per line, the key to the logged samples. */
  String vocabularyListing();
}
