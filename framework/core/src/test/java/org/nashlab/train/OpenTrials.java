package org.nashlab.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.DataSource;
import org.nashlab.api.TrainingProgram;
import org.nashlab.eval.Evaluator;
import org.nashlab.eval.RealReference;
import org.tensorflow.Session;

/** Trials assembled by hand in tests: a built program in an initialised session, no metrics. */
final class OpenTrials {
  private OpenTrials() {}

  static TrialSetup of(
      TrialGraph graph,
      TrainingProgram program,
      Map<String, DataSource> data,
      RandomStreams streams,
      int batchSize) {
    Session session = new Session(graph.graph());
    session.initialize();
    List<org.tensorflow.op.Op> targets =
        program.updates().stream()
            .<org.tensorflow.op.Op>map(TrainingProgram.Update::train)
            .toList();
    graph
        .inputs()
        .open(batchSize, Dependencies.executedBy(targets.toArray(org.tensorflow.op.Op[]::new)));
    return new TrialSetup(
        data,
        streams,
        graph,
        program,
        session,
        new Evaluator(
            List.of(),
            Optional.empty(),
            "",
            Path.of("."),
            new RealReference(data.get(program.imitates())),
            Optional.empty()),
        Optional.empty(),
        ComputeConditions.current(org.nashlab.config.Device.CPU));
  }
}
