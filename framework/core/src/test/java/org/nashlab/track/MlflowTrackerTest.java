package org.nashlab.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service;

class MlflowTrackerTest {
  @Test
  void runUrlOpensTheModelTrainingViewWithTheQueryInsideTheHashRoute() {
    assertEquals(
        "http://127.0.0.1:5000/#/experiments/3/runs/abc123?workflowType=machine_learning",
        MlflowTracker.runUrl("http://127.0.0.1:5000", "3", "abc123"));
  }

  @Test
  void anExperimentWithoutAKindIsUnsetAndAChosenKindIsKept() {
    Service.Experiment none = Service.Experiment.newBuilder().setExperimentId("1").build();
    Service.Experiment blank = withKind(" ");
    Service.Experiment genai = withKind("genai_development");
    assertEquals(Optional.empty(), MlflowTracker.experimentKind(none));
    assertEquals(Optional.empty(), MlflowTracker.experimentKind(blank));
    assertEquals(Optional.of("genai_development"), MlflowTracker.experimentKind(genai));
  }

  private static Service.Experiment withKind(String kind) {
    return Service.Experiment.newBuilder()
        .setExperimentId("1")
        .addTags(
            Service.ExperimentTag.newBuilder()
                .setKey("mlflow.experimentKind")
                .setValue(kind)
                .build())
        .build();
  }
}
