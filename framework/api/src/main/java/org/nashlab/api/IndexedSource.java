package org.nashlab.api;

/**
 * A capability of labelled data sources that hold a finite set of samples: each can be read by
 * index, so a classifier can hold some out and evaluation can draw real samples without
 * replacement.
 */
public interface IndexedSource extends LabeledSource {
  /** How many samples the set holds. */
  int size();

  /** Writes sample {@code index} into {@code target} at position {@code slot}. */
  void copy(int index, float[] target, int slot);

  /** The label of sample {@code index}. */
  int label(int index);

  /** Every index once, in the order of a Fisher-Yates shuffle driven by {@code random}. */
  default int[] shuffledIndices(java.util.random.RandomGenerator random) {
    int[] order = new int[size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
