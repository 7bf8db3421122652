package org.nashlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunNameTest {
  @Test
  void namesAreShortPlainWords() {
    assertEquals(Optional.empty(), RunName.problem("loss-ablation_v2.1"));
    assertTrue(RunName.problem("a\nb").orElseThrow().contains("'a\\u000ab' is not a name"));
    assertTrue(RunName.problem("<script>").isPresent());
    assertTrue(RunName.problem("-x").isPresent());
    assertTrue(RunName.problem("a".repeat(101)).orElseThrow().contains("at most 100"));
  }
}
