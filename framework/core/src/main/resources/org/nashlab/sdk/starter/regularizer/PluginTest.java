package {{package}};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashlab.api.PluginKind;
import org.nashlab.testkit.LinearCritic;
import org.nashlab.testkit.PluginContract;

class {{class}}Test {
  @Test
  void keepsThePluginContract() {
    var plugins = PluginContract.classpathPlugins();
    assertTrue(plugins.find(PluginKind.REGULARIZER, "{{name}}").isPresent());
    assertEquals(List.of(), PluginContract.problems(plugins));
  }

  @Test
  void onALinearCriticThePenaltyIsTheWeightTimesTheSquaredGradientNorm() {
    // D(x) = x w has the gradient w at every interpolate, so the penalty is weight ||w||^2.
    try (LinearCritic critic = LinearCritic.of(0.6f, -1.2f, 0.3f)) {
      var terms = new {{class}}(new {{class}}.Params(5.0)).terms(critic.context());
      assertTrue(terms.generator().isEmpty());
      assertEquals(
          5.0 * critic.squaredNormOfW(), critic.value(terms.discriminator().orElseThrow()), 1e-5);
    }
  }
}
