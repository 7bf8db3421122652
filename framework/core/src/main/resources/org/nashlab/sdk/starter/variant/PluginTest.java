package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.api.PluginKind;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Seeds;
import org.nashlab.testkit.GradientCheck;
import org.nashlab.testkit.PluginContract;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class {{class}}Test {
  private static final Shape IMAGE = Shape.of(8, 8, 1);
  private static final {{class}}.Params SMALL = new {{class}}.Params(4, 2, true);

  @Test
  void keepsThePluginContract() {
    var plugins = PluginContract.classpathPlugins();
    assertTrue(plugins.find(PluginKind.VARIANT, "{{name}}").isPresent());
    assertEquals(List.of(), PluginContract.problems(plugins));
  }

  @Test
  void theGeneratorMakesImagesOfTheDatasetsShapeInTanhsRange() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      Network g = {{class}}.generator(tf, SMALL, IMAGE, new Seeds(1));
      Operand<TFloat32> latents = normal(tf, 3, 4);
      Operand<TFloat32> images = g.apply(latents, Mode.TRAINING);
      assertEquals(Shape.of(3, 8, 8, 1), images.shape());
      Operand<TFloat32> largest =
          tf.reduceMax(tf.math.abs(images), tf.constant(new int[] {0, 1, 2, 3}));
      session.initialize();
      try (var result = session.runner().fetch(largest).run()) {
        assertTrue(((TFloat32) result.get(0)).getFloat() <= 1f);
      }
    }
  }

  @Test
  void aGradientPenaltyThroughTheCriticsPoolingAndBatchNormMatchesFiniteDifferences() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Network d = {{class}}.discriminator(tf, SMALL, IMAGE, new Seeds(2));
      Operand<TFloat32> x = normal(tf, 4, 8, 8, 1);
      Operand<TFloat32> logits = d.apply(x, Mode.TRAINING);
      assertEquals(Shape.of(4, 1), logits.shape());
      Operand<TFloat32> penalty = GradientCheck.gradientPenalty(tf, logits, x);
      // A step small enough that no LeakyReLU unit crosses its kink, where the penalty jumps.
      GradientCheck.atInitialValues(graph, penalty, d.variables(), 1e-4f)
          .forEach((name, result) -> result.assertMaxRelativeErrorBelow(1e-2, name));
    }
  }

  /** Standard normal values of {@code shape}, the same in every run. */
  private static Operand<TFloat32> normal(Ops tf, long... shape) {
    return tf.random.statelessRandomNormal(
        tf.constant(shape), tf.constant(new long[] {3, 4}), TFloat32.class);
  }

  @Test
  void onlySquareImagesWhoseSideDividesByFourFit() {
    assertTrue({{class}}.fits(Shape.of(28, 28, 1)));
    assertTrue({{class}}.fits(Shape.of(32, 32, 3)));
    assertTrue(!{{class}}.fits(Shape.of(2)));
    assertTrue(!{{class}}.fits(Shape.of(30, 30, 1)));
  }
}
