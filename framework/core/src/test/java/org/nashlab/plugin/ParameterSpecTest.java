package org.nashlab.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nashlab.api.Default;

class ParameterSpecTest {
  enum Norm {
    BATCH,
    LAYER_NORM
  }

  record Params(
      @Default("10") double rate,
      @Default("3") float scale,
      @Default("007") int width,
      @Default("layer-norm") Norm norm,
      @Default("") String path,
      int required) {}

  @Test
  void defaultsAreShownAsNashReadsThemInTheParametersType() {
    assertEquals(
        List.of(
            Optional.of("10.0"),
            Optional.of("3.0"),
            Optional.of("7"),
            Optional.of("layer-norm"),
            Optional.of(""),
            Optional.empty()),
        ParameterSpec.of(Params.class).stream().map(ParameterSpec::readDefault).toList());
  }

  record Broken(@Default("fast") double rate) {}

  @Test
  void aDefaultThatIsNotOfItsTypeIsShownAsWritten() {
    assertEquals(Optional.of("fast"), ParameterSpec.of(Broken.class).get(0).readDefault());
  }
}
