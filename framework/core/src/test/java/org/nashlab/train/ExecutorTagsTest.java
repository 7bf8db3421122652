package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorTagsTest {
  @Test
  void anExecutorsPairsBecomeTheRunsTags() {
    assertEquals(
        Map.of("nash.slurm.job-id", "12_3", "nash.slurm.restarts", "1"),
        TrialRunner.executorTags("nash.slurm.job-id=12_3,nash.slurm.restarts=1"));
  }

  @Test
  void noPairsNoTags() {
    assertEquals(Map.of(), TrialRunner.executorTags(""));
  }
}
