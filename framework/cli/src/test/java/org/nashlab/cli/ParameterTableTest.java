package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nashlab.plugin.ParameterSpec;

class ParameterTableTest {
  enum Schedule {
    CONSTANT,
    LINEAR_WARMUP_THEN_COSINE_DECAY
  }

  @Test
  void aLongEnumTypeWidensItsColumnAndTheDocsStayAligned() {
    List<String> rows =
        ParameterTable.rows(
            List.of(
                new ParameterSpec(
                    "schedule", Schedule.class, Optional.of("constant"), "the schedule"),
                new ParameterSpec("lr", double.class, Optional.of("1"), "the learning rate")));
    assertEquals(
        List.of(
            "      schedule               constant|linear-warmup-then-cosine-decay constant   the"
                + " schedule",
            "      lr                     number                                   1.0        the"
                + " learning rate"),
        rows);
  }
}
