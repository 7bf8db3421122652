package org.nashlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** An author's own layer, as in Variables' javadoc, and the hook a reparametrisation installs. */
class VariablesTest extends GraphTest {
  /** y = x * s, one learned factor per channel. */
  static final class Scale implements Network {
    private final Ops tf;
    private final Variable<TFloat32> factors;
    private final WeightReads.Read read;

    Scale(Ops tf, String name, long channels, Initializer init, Seeds seeds) {
      this.tf = tf;
      this.factors = Variables.create(tf, name + "_s", Shape.of(1, channels), init, seeds);
      this.read = WeightReads.read(tf, name, factors, 1);
    }

    @Override
    public Operand<TFloat32> apply(Operand<TFloat32> input, Mode mode) {
      return tf.math.mul(input, read.value());
    }

    @Override
    public List<Variable<TFloat32>> variables() {
      return List.of(factors);
    }

    @Override
    public List<Op> updates() {
      return read.updates();
    }
  }

  @Test
  void anAuthorsLayerReadsItsWeightThroughTheGraphsHook() {
    List<String> seen = new ArrayList<>();
    // A stand-in for spectral normalisation: halves each weight and adds an update.
    WeightReads.install(
        graph,
        (ops, layer, weight, axis) -> {
          seen.add(layer + " " + weight.op().name() + " axis " + axis);
          return new WeightReads.Read(
              ops.math.mul(weight, ops.constant(0.5f)), List.of(ops.noOp()));
        });
    Scale scale = new Scale(tf, "d_scale", 2, fixed(new float[] {2f, -4f}), seeds);
    float[] got = run(scale.apply(constant(new float[] {1f, 1f, 3f, 3f}, 2, 2), Mode.TRAINING))[0];
    assertArrayEquals(new float[] {1f, -2f, 3f, -6f}, got);
    assertEquals(List.of("d_scale d_scale_s axis 1"), seen);
    assertEquals(1, new Sequential(List.of(scale)).updates().size());
  }

  @Test
  void aVariableNameWithASlashIsRefused() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Variables.filled(tf, "d/scale_s", Shape.of(2), 1f));
    assertEquals("variable name 'd/scale_s' must not contain '/'", error.getMessage());
  }
}
