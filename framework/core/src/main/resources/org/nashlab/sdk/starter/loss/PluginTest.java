package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.api.AdversarialLosses;
import org.nashlab.api.LossContext;
import org.nashlab.api.PluginKind;
import org.nashlab.testkit.PluginContract;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class {{class}}Test {
  @Test
  void keepsThePluginContract() {
    var plugins = PluginContract.classpathPlugins();
    assertTrue(plugins.find(PluginKind.LOSS, "{{name}}").isPresent());
    assertEquals(List.of(), PluginContract.problems(plugins));
  }

  @Test
  void theObjectivesAreHalfTheMeanSquaredGapsToTheTargets() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> real = column(tf, 0.5f, 1.5f);
      Operand<TFloat32> fake = column(tf, -1f, 0f);
      AdversarialLosses losses =
          new {{class}}(new {{class}}.Params(-1, 1, 0)).build(new LossContext(tf, real, fake));
      // D: 1/2 mean(0.25, 0.25) + 1/2 mean(0, 1) = 0.375; G: 1/2 mean(1, 0) = 0.25.
      assertEquals(0.375f, value(session, losses.discriminator()), 1e-6f);
      assertEquals(0.25f, value(session, losses.generator()), 1e-6f);
    }
  }

  private static Operand<TFloat32> column(Ops tf, float... values) {
    return tf.constant(Shape.of(values.length, 1), DataBuffers.of(values));
  }

  private static float value(Session session, Operand<TFloat32> scalar) {
    try (var result = session.runner().fetch(scalar).run()) {
      return ((TFloat32) result.get(0)).getFloat();
    }
  }
}
