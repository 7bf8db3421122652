package org.nashlab.datasets;

/** Which part of a dataset to train on. */
public enum Split {
  TRAIN,
  TEST
}
