package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nashlab.api.LossTerm;
import org.nashlab.api.PenaltyContext;

class TechniqueWiringTest {
  @Test
  void eachLossTermSeesANameOfItsOwnForTheCriticItPenalises() {
    List<String> seen = new ArrayList<>();
    LossTerm recording =
        context -> {
          seen.add(context.name());
          return new LossTerm.Terms(Optional.empty(), Optional.empty());
        };
    TechniqueWiring wiring =
        new TechniqueWiring(
            null,
            null,
            null,
            List.of(new Technique("noise", 0, recording), new Technique("noise-1", 1, recording)));
    PenaltyContext critic =
        new PenaltyContext(
            null, null, null, null, null, null, null, List.of(), List.of(), null, "da");
    wiring.lossTerms(critic);
    assertEquals(List.of("reg0_da", "reg1_da"), seen);
  }
}
