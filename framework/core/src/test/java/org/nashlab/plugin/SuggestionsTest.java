package org.nashlab.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> LOSSES =
      List.of("minimax", "non-saturating", "wasserstein", "hinge", "least-squares");

  @Test
  void swappedLettersAreOneEdit() {
    assertEquals(1, Suggestions.distance("hnige", "hinge"));
  }

  @Test
  void suggestsTheClosestKnownName() {
    assertEquals(Optional.of("hinge"), Suggestions.closest("hnige", LOSSES));
    assertEquals(Optional.of("non-saturating"), Suggestions.closest("non-saturatin", LOSSES));
  }

  @Test
  void suggestsNothingForAnUnrelatedName() {
    assertEquals(Optional.empty(), Suggestions.closest("cyclegan", LOSSES));
    assertEquals(
        ". Known: minimax, non-saturating, wasserstein, hinge, least-squares",
        Suggestions.hint("cyclegan", "Known", LOSSES));
  }
}
