package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.UnaryOperator;
import org.nashlab.nn.Seeds;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * What a {@link LossTerm} can build on.
 *
 * @param tf the graph's op factory
 * @param real the real batch D sees (after any input transforms)
 * @param fake the generated batch D sees (after any input transforms)
 * @param realLogits D on {@code real}
 * @param fakeLogits D on {@code fake}
 * @param critic D applied (in training mode, with the batch's labels) to any batch shaped like
 *     {@code real}, for penalties at other points such as interpolates
 * @param gradients the gradient of a scalar with respect to a tensor, built so that it can itself
 *     be differentiated: {@code gradients.of(y, x)}
 * @param discriminatorVariables D's trainable variables
 * @param generatorVariables G's trainable variables
 * @param seeds seeds for random ops, derived from the trial's master seed
 * @param name a unique flat prefix for any variable the technique creates (such as the call counter
 *     of {@link org.nashlab.nn.Noise}): the technique's own prefix and the critic's name, as {@link
 *     TransformContext#name()} is
 */
public record PenaltyContext(
    Ops tf,
    Operand<TFloat32> real,
    Operand<TFloat32> fake,
    Operand<TFloat32> realLogits,
    Operand<TFloat32> fakeLogits,
    UnaryOperator<Operand<TFloat32>> critic,
    GradientOf gradients,
    List<Variable<TFloat32>> discriminatorVariables,
    List<Variable<TFloat32>> generatorVariables,
    Seeds seeds,
    String name) {

  /** Symbolic gradients usable inside a loss. */
  @FunctionalInterface
  public interface GradientOf {
    /** {@code d(sum y) / dx}, shaped like {@code x}. */
    Operand<TFloat32> of(Operand<TFloat32> y, Operand<TFloat32> x);
  }

  public PenaltyContext {
    requireNonNull(name, "name");
    discriminatorVariables = List.copyOf(discriminatorVariables);
    generatorVariables = List.copyOf(generatorVariables);
  }

  /** This context for the technique whose variables start with {@code name}. */
  public PenaltyContext withName(String name) {
    return new PenaltyContext(
        tf,
        real,
        fake,
        realLogits,
        fakeLogits,
        critic,
        gradients,
        discriminatorVariables,
        generatorVariables,
        seeds,
        name);
  }

  /**
   * The context of critic {@code criticName} of a program built on {@code context}, with the
   * trial's differentiable gradients and seeds; Nash gives each technique its own {@link #name}.
   */
  public static PenaltyContext of(
      VariantContext context,
      String criticName,
      Operand<TFloat32> real,
      Operand<TFloat32> fake,
      Operand<TFloat32> realLogits,
      Operand<TFloat32> fakeLogits,
      UnaryOperator<Operand<TFloat32>> critic,
      List<Variable<TFloat32>> criticVariables,
      List<Variable<TFloat32>> generatorVariables) {
    return new PenaltyContext(
        context.tf(),
        real,
        fake,
        realLogits,
        fakeLogits,
        critic,
        context.gradients(),
        criticVariables,
        generatorVariables,
        context.initSeeds(),
        criticName);
  }
}
