package org.nashlab.executors.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingReachTest {
  @Test
  void aLoopbackServerIsFineWhenThisMachineIsTheWholeCluster() {
    assertEquals(Optional.empty(), TrackingReach.problem("", List.of("vm"), "vm"));
    assertEquals(
        Optional.empty(), TrackingReach.problem("http://127.0.0.1:5000", List.of("vm"), "vm"));
  }

  @Test
  void aServerOnAnotherAddressIsTheUsersToReach() {
    assertEquals(
        Optional.empty(),
        TrackingReach.problem("http://10.1.2.3:5000", List.of("n1", "n2"), "login"));
  }

  @Test
  void aLoopbackServerWithOtherNodesIsRefusedWithTheWayOut() {
    String problem = TrackingReach.problem("", List.of("n1", "n2"), "login").orElseThrow();
    assertTrue(
        problem.startsWith(
            "the trials would log to Nash's local MLflow server on 127.0.0.1, which only this"
                + " machine reaches, from the cluster's nodes [n1, n2]."),
        problem);
    assertTrue(problem.contains("--allowed-hosts login:5000"), problem);
    assertTrue(problem.contains("MLFLOW_TRACKING_URI=http://login:5000"), problem);
    assertTrue(TrackingReach.problem("http://localhost:5000", List.of("n1"), "login").isPresent());
  }
}
