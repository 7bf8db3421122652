package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nashlab.api.InvalidSettingException;

class PluginFailureTest {
  @Test
  void anInvalidSettingFromBuildIsAFailureAtTheSettingUnderTheSection() {
    PluginFailure failure =
        assertThrows(
            PluginFailure.class,
            () ->
                PluginFailure.of(
                    "regularizers[1]",
                    () -> {
                      throw new InvalidSettingException("on", "must name a critic, got 'q'");
                    }));
    assertEquals("regularizers[1].on", failure.key());
    assertEquals("must name a critic, got 'q'", failure.reason());
  }

  @Test
  void anInvalidSettingOfTheWholeSectionIsAFailureAtTheSection() {
    PluginFailure failure =
        assertThrows(
            PluginFailure.class,
            () ->
                PluginFailure.of(
                    "variant",
                    () -> {
                      throw new InvalidSettingException("", "needs a GPU for 3-D convolutions");
                    }));
    assertEquals("variant", failure.key());
  }
}
