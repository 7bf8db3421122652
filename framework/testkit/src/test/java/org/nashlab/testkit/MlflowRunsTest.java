package org.nashlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MlflowRunsTest {
  @Test
  void runIdOfReadsThePrintedUrlWithOrWithoutTheViewQuery() {
    assertEquals(
        "abc123",
        MlflowRuns.runIdOf(
            "http://127.0.0.1:5000/#/experiments/3/runs/abc123?workflowType=machine_learning\n"));
    assertEquals("abc123", MlflowRuns.runIdOf("http://127.0.0.1:5000/#/experiments/3/runs/abc123"));
  }
}
