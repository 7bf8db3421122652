package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nashlab.api.EnvironmentException;
import org.nashlab.config.Device;

class ComputeConditionsTest {
  @Test
  void threadsComeFromNashThreadsOrAreOnePerCore() {
    ComputeConditions set =
        ComputeConditions.of(Map.of("NASH_THREADS", " 1 "), 2, "Zen 3", Device.AUTO);
    assertEquals(1, set.threads());
    assertTrue(set.threadsSet());
    ComputeConditions unset = ComputeConditions.of(Map.of(), 2, "Zen 3", Device.AUTO);
    assertEquals(2, unset.threads());
    assertFalse(unset.threadsSet());
    assertEquals("all", unset.gpus());
    assertEquals(
        "none",
        ComputeConditions.of(Map.of("CUDA_VISIBLE_DEVICES", ""), 2, "c", Device.AUTO).gpus());
    assertEquals(
        "none (device cpu)",
        ComputeConditions.of(Map.of("CUDA_VISIBLE_DEVICES", "0"), 2, "c", Device.CPU).gpus());
  }

  @Test
  void aThreadCountThatIsNotOneIsAnEnvironmentError() {
    for (String bad : new String[] {"two", "0", "-1", "1.5"}) {
      var e =
          assertThrows(
              EnvironmentException.class,
              () -> ComputeConditions.of(Map.of("NASH_THREADS", bad), 2, "cpu", Device.AUTO));
      assertTrue(e.getMessage().startsWith("NASH_THREADS='" + bad + "' is not a thread count"));
    }
  }

  @Test
  void saysWhatChangedSinceACheckpoint() {
    ComputeConditions now = ComputeConditions.of(Map.of(), 2, "Zen 3", Device.CPU);
    ComputeConditions sweepTrial =
        ComputeConditions.of(
            Map.of("NASH_THREADS", "1", "CUDA_VISIBLE_DEVICES", ""), 2, "Zen 4", Device.CPU);
    assertEquals(
        Optional.of("nash.threads 1 -> 2; nash.cpu Zen 4 -> Zen 3"),
        now.changesSince(sweepTrial.tags()));
    ComputeConditions sameCountSet =
        ComputeConditions.of(Map.of("NASH_THREADS", "2"), 2, "Zen 3", Device.CPU);
    assertEquals(Optional.empty(), now.changesSince(sameCountSet.tags()));
    assertEquals(Optional.empty(), now.changesSince(now.tags()));
    assertEquals(Optional.empty(), now.changesSince(Map.of()));
  }
}
