package org.nashlab.nn;

/** Whether a network is applied to learn (batch statistics, dropout on) or to sample. */
public enum Mode {
  TRAINING,
  INFERENCE
}
