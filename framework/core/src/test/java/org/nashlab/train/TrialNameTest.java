package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialNameTest {
  @Test
  void factorsGoByTheLastSegmentOfTheirKeyInTheSweepsOrderThenTheSeed() {
    Map<String, String> factors = new LinkedHashMap<>();
    factors.put("loss.name", "hinge");
    factors.put("training.steps", "300");
    factors.put("variant.discriminator-norm", "layer");
    factors.put("regularizers", "gradient-penalty");
    assertEquals(
        "loss=hinge · steps=300 · discriminator-norm=layer · regularizers=gradient-penalty · seed=2",
        TrialName.of(factors, 2));
  }

  @Test
  void factorsWhoseShortNamesClashKeepTheirFullKeys() {
    Map<String, String> factors = new LinkedHashMap<>();
    factors.put("optimizers.generator.lr", "0.001");
    factors.put("loss.name", "hinge");
    factors.put("optimizers.discriminator.lr", "0.0004");
    assertEquals(
        "optimizers.generator.lr=0.001 · loss=hinge · optimizers.discriminator.lr=0.0004 · seed=1",
        TrialName.of(factors, 1));
  }

  @Test
  void aFactorNamedLikeTheSeedKeepsItsFullKey() {
    assertEquals("dataset.seed=7 · seed=3", TrialName.of(Map.of("dataset.seed", "7"), 3));
  }

  @Test
  void aSweepWithoutFactorsNamesItsTrialsBySeed() {
    assertEquals("seed=5", TrialName.of(Map.of(), 5));
  }

  @Test
  void aLongLabelIsCutSoTheOtherFactorsStillShow() {
    Map<String, String> factors = new LinkedHashMap<>();
    factors.put("variant.generator", "{layers: [" + "512, ".repeat(30) + "]}");
    factors.put("loss.name", "hinge");
    String name = TrialName.of(factors, 1);
    assertTrue(name.startsWith("generator={layers: [512, 512, 512, 512, 512, 512,…"), name);
    assertTrue(name.endsWith(" · loss=hinge · seed=1"), name);
    assertEquals(
        "generator=".length() + TrialName.MAX_LABEL_LENGTH, name.indexOf(" · loss="), name);
  }

  @Test
  void manyFactorsAreCutToMlflowsLimitKeepingTheSeed() {
    Map<String, String> factors = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      factors.put("factor" + i, "value" + i);
    }
    String name = TrialName.of(factors, 12345);
    assertTrue(name.length() <= TrialName.MAX_LENGTH, name.length() + ": " + name);
    assertTrue(name.startsWith("factor0=value0 · factor1=value1 · "), name);
    assertTrue(name.endsWith("… · seed=12345"), name);
  }
}
