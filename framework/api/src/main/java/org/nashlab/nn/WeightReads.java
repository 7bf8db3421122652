package org.nashlab.nn;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * How layers read their weight matrices and kernels. By default a layer uses its variable as it is;
 * a hook installed on a graph (Nash installs one per trial for techniques such as spectral
 * normalisation) can read it through a reparametrisation instead. A layer is named after its
 * network ({@code g_...}, {@code d_...}, or a name a variant declared), which is how a hook tells
 * whose weight it reads. A plugin's own layer calls {@link #read} for each weight it computes with,
 * as the built-in layers do, so that spectral normalisation reaches it too; {@link Variables} shows
 * such a layer.
 */
public final class WeightReads {
  /** Decides how one weight is read; called once per layer, when the layer is built. */
  @FunctionalInterface
  public interface Hook {
    Read read(Ops tf, String name, Variable<TFloat32> weight, int outputAxis);
  }

  /**
   * A weight as the layer uses it.
   *
   * @param value the weight the layer computes with
   * @param updates ops to run with each training step of the layer's network (such as the power
   *     iteration's persistent vector)
   */
  public record Read(Operand<TFloat32> value, List<Op> updates) {
    public Read {
      updates = List.copyOf(updates);
    }

    static Read plain(Variable<TFloat32> weight) {
      return new Read(weight, List.of());
    }
  }

  private static final Map<ExecutionEnvironment, Hook> HOOKS = new WeakHashMap<>();

  private WeightReads() {}

  /** Makes every layer built on {@code graph} from now on read its weights through {@code hook}. */
  public static void install(ExecutionEnvironment graph, Hook hook) {
    synchronized (HOOKS) {
      HOOKS.put(graph, hook);
    }
  }

  /**
   * The weight {@code weight} of layer {@code name} as the layer should use it.
   *
   * @param outputAxis the axis of {@code weight} that indexes the layer's outputs
   */
  public static Read read(Ops tf, String name, Variable<TFloat32> weight, int outputAxis) {
    Hook hook;
    synchronized (HOOKS) {
      hook = HOOKS.get(tf.scope().env());
    }
    return hook == null ? Read.plain(weight) : hook.read(tf, name, weight, outputAxis);
  }
}
