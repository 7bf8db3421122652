package org.nashlab.variant.seqgan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sentence BLEU (Papineni et al. 2002) of hypotheses against one set of references, averaged over
 * the hypotheses, as Texygen (Zhu et al. 2018) scores SeqGAN's text: NLTK's {@code sentence_bleu}
 * with uniform weights over 1- to n-grams and {@code SmoothingFunction().method1} (a zero count
 * becomes 0.1), every reference set for every hypothesis. Counts are clipped by the most any one
 * reference holds; the brevity penalty uses the reference length closest to the hypothesis's (the
 * shorter on a tie).
 */
final class Bleu {
  private static final double EPSILON = 0.1;
  private final int order;
  private final List<Map<String, Integer>> maxCounts;
  private final int[] referenceLengths;

  /** References as token sequences, each already cut to its content. */
  Bleu(int order, List<int[]> references) {
    this.order = order;
    this.maxCounts = new ArrayList<>();
    for (int n = 1; n <= order; n++) {
      Map<String, Integer> max = new HashMap<>();
      for (int[] reference : references) {
        ngrams(reference, n).forEach((gram, count) -> max.merge(gram, count, Math::max));
      }
      maxCounts.add(max);
    }
    this.referenceLengths =
        references.stream().mapToInt(r -> r.length).sorted().distinct().toArray();
  }

  /** The mean sentence BLEU of {@code hypotheses}. */
  double mean(List<int[]> hypotheses) {
    return hypotheses.stream().mapToDouble(this::sentence).average().orElseThrow();
  }

  double sentence(int[] hypothesis) {
    double logSum = 0;
    for (int n = 1; n <= order; n++) {
      Map<String, Integer> counts = ngrams(hypothesis, n);
      Map<String, Integer> max = maxCounts.get(n - 1);
      long clipped = 0;
      for (var e : counts.entrySet()) {
        clipped += Math.min(e.getValue(), max.getOrDefault(e.getKey(), 0));
      }
      long total = Math.max(1, hypothesis.length - n + 1);
      if (n == 1 && clipped == 0) {
        return 0; // NLTK: no unigram in common scores 0 whatever the smoothing
      }
      double precision = clipped == 0 ? EPSILON / total : (double) clipped / total;
      logSum += Math.log(precision) / order;
    }
    return brevityPenalty(hypothesis.length) * Math.exp(logSum);
  }

  private double brevityPenalty(int length) {
    if (length == 0) {
      return 0;
    }
    int closest = referenceLengths[0];
    for (int r : referenceLengths) {
      if (Math.abs(r - length) < Math.abs(closest - length)) {
        closest = r;
      }
    }
    return length > closest ? 1 : Math.exp(1 - (double) closest / length);
  }

  /** The n-grams of {@code tokens} with their counts, each n-gram keyed by its ids as chars. */
  private static Map<String, Integer> ngrams(int[] tokens, int n) {
    Map<String, Integer> counts = new HashMap<>();
    char[] text = new char[tokens.length];
    for (int t = 0; t < tokens.length; t++) {
      text[t] = (char) tokens[t];
    }
    for (int t = 0; t + n <= tokens.length; t++) {
      counts.merge(new String(text, t, n), 1, Integer::sum);
    }
    return counts;
  }
}
