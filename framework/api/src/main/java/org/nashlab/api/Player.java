package org.nashlab.api;

/** One of the two players, for techniques that apply to one network or both. */
public enum Player {
  GENERATOR,
  DISCRIMINATOR,
  BOTH;

  /** Whether a technique configured for {@code this} applies to {@code player}. */
  public boolean covers(Player player) {
    return this == BOTH || this == player;
  }
}
