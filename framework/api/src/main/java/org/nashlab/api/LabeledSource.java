package org.nashlab.api;

import java.util.random.RandomGenerator;

/** A capability of data sources whose samples carry class labels (for cGAN and classifiers). */
public interface LabeledSource extends DataSource {
  /** Labels run from 0 to {@code classes() - 1}. */
  int classes();

  /** Like {@link #fillBatch(float[], int, RandomGenerator)}, and writes each sample's label. */
  void fillBatch(float[] target, int[] labels, int batchSize, RandomGenerator random);
}
