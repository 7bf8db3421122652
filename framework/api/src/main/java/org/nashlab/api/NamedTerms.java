package org.nashlab.api;

import static java.util.Objects.requireNonNull;

/**
 * The loss terms one technique adds, with the name its scalars are logged under.
 *
 * @param technique the technique's name in the experiment ({@code r1}, or {@code r1-2} when it is
 *     listed twice), for keys such as {@code reg/r1/d}
 * @param terms what it adds to the critic's and the generator's objectives
 */
public record NamedTerms(String technique, LossTerm.Terms terms) {
  public NamedTerms {
    requireNonNull(technique, "technique");
    requireNonNull(terms, "terms");
  }
}
