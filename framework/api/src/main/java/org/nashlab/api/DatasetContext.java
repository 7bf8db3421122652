package org.nashlab.api;

import java.nio.file.Path;

/**
 * Where datasets live on this machine, and the seed of a trial's data.
 *
 * @param dataHome Nash's data folder, {@code ~/.nash/data} unless {@code NASH_HOME} says otherwise
 * @param seed derived from the trial's {@code training.seed}, for a dataset that draws a finite set
 *     once (a fixed training set of a mixture): the same trial seed gives the same set, also on
 *     resume
 */
public record DatasetContext(Path dataHome, long seed) {
  /** A context outside a trial (fetching, tests): seed 0. */
  public DatasetContext(Path dataHome) {
    this(dataHome, 0);
  }
}
