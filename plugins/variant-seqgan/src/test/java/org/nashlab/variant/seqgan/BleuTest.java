package org.nashlab.variant.seqgan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sentence BLEU against NLTK 3.10.4, the reference Texygen scores with. The expected values were
 * printed by:
 *
 * <pre>
 * from nltk.translate.bleu_score import sentence_bleu, SmoothingFunction
 * refs = [[1,2,3,4,5,6], [1,2,7,4,5], [9,9,2,3,4,5,6,7]]
 * hyps = [[1,2,3,4,5], [2,3,4,5,6,7,8], [9,9,9], [1,2,3,4,5,6], [7,1], [8,8,8,8]]
 * for n in (2, 3, 4):
 *     print([sentence_bleu(refs, h, [1/n] * n, smoothing_function=SmoothingFunction().method1)
 *            for h in hyps])
 * </pre>
 *
 * The cases: an exact reference, clipped counts, a repeated token clipped to its largest count in
 * any one reference, a short hypothesis with the brevity penalty and smoothed zero counts, and no
 * unigram in common.
 */
class BleuTest {
  private static final List<int[]> REFERENCES =
      List.of(
          new int[] {1, 2, 3, 4, 5, 6},
          new int[] {1, 2, 7, 4, 5},
          new int[] {9, 9, 2, 3, 4, 5, 6, 7});
  private static final List<int[]> HYPOTHESES =
      List.of(
          new int[] {1, 2, 3, 4, 5},
          new int[] {2, 3, 4, 5, 6, 7, 8},
          new int[] {9, 9, 9},
          new int[] {1, 2, 3, 4, 5, 6},
          new int[] {7, 1},
          new int[] {8, 8, 8, 8});
  private static final double[][] NLTK = {
    {1.0, 0.8451542547285166, 0.29642151188002913, 1.0, 0.07055995207471726, 0},
    {1.0, 0.8298265333662435, 0.16523292610025758, 1.0, 0.04807193574161472, 0},
    {1.0, 0.8091067115702212, 0.12336445138236939, 1.0, 0.03967877695506402, 0}
  };

  @Test
  void sentenceBleuMatchesNltkWithSmoothingMethodOne() {
    for (int n = 2; n <= 4; n++) {
      Bleu bleu = new Bleu(n, REFERENCES);
      for (int h = 0; h < HYPOTHESES.size(); h++) {
        assertEquals(
            NLTK[n - 2][h],
            bleu.sentence(HYPOTHESES.get(h)),
            1e-12,
            "BLEU-" + n + " of hypothesis " + h);
      }
    }
  }

  @Test
  void theMeanIsOverHypotheses() {
    Bleu bleu = new Bleu(4, REFERENCES);
    double sum = 0;
    for (double v : NLTK[2]) {
      sum += v;
    }
    assertEquals(sum / HYPOTHESES.size(), bleu.mean(HYPOTHESES), 1e-12);
  }
}
