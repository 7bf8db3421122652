package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Trainable;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The discriminator {@code d} judging a real and a generated batch, as a program with one critic
 * and one generator builds it: both batches through the experiment's input transforms ({@code
 * criticInput}, named {@code real} and {@code fake}), the critic's scores in training mode, the
 * experiment's loss on them, and every technique's terms ({@link CriticTerms}, the generator's
 * included). ProGAN and StyleGAN2 build theirs this way; a program adds its own terms to {@code
 * terms().objective()}.
 *
 * @param realIn the real batch as the critic sees it
 * @param fakeIn the generated batch as the critic sees it
 * @param realScores the critic on {@code realIn}
 * @param fakeScores the critic on {@code fakeIn}
 * @param losses the experiment's loss on the scores
 * @param terms the critic's objective with every technique's terms, and the generator's terms
 */
public record CriticPass(
    Operand<TFloat32> realIn,
    Operand<TFloat32> fakeIn,
    Operand<TFloat32> realScores,
    Operand<TFloat32> fakeScores,
    AdversarialLosses losses,
    CriticTerms terms) {
  public CriticPass {
    requireNonNull(realIn, "realIn");
    requireNonNull(fakeIn, "fakeIn");
    requireNonNull(realScores, "realScores");
    requireNonNull(fakeScores, "fakeScores");
    requireNonNull(losses, "losses");
    requireNonNull(terms, "terms");
  }

  /**
   * {@code critic}, the network {@code d}, on {@code real} and on {@code generator}'s {@code fake}.
   */
  public static CriticPass of(
      VariantContext context,
      Network critic,
      Trainable generator,
      Operand<TFloat32> real,
      Operand<TFloat32> fake) {
    Operand<TFloat32> realIn = context.criticInput(real, "real");
    Operand<TFloat32> fakeIn = context.criticInput(fake, "fake");
    Operand<TFloat32> realScores = critic.apply(realIn, Mode.TRAINING);
    Operand<TFloat32> fakeScores = critic.apply(fakeIn, Mode.TRAINING);
    AdversarialLosses losses =
        context.loss().build(new LossContext(context.tf(), realScores, fakeScores));
    CriticTerms terms =
        CriticTerms.of(
            context,
            PenaltyContext.of(
                context,
                "d",
                realIn,
                fakeIn,
                realScores,
                fakeScores,
                x -> critic.apply(x, Mode.TRAINING),
                critic.variables(),
                generator.variables()),
            losses.discriminator(),
            "d");
    return new CriticPass(realIn, fakeIn, realScores, fakeScores, losses, terms);
  }
}
