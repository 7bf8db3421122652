package org.nashlab.api;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One critic's objective with the loss terms of every technique added ({@code reg/NAME/CRITIC}),
 * and the generator-side terms the techniques brought ({@code reg/NAME/g}, such as weight decay of
 * G). A program with several critics passes the generator's variables in the penalty context of one
 * of them only, so that each generator term counts once.
 *
 * @param objective the critic's loss plus its terms
 * @param scalars the critic's terms by metric key
 * @param generatorTerms the generator's terms by metric key, to add to its objective
 */
public record CriticTerms(
    Operand<TFloat32> objective,
    Map<String, Operand<TFloat32>> scalars,
    Map<String, Operand<TFloat32>> generatorTerms) {
  public CriticTerms {
    requireNonNull(objective, "objective");
    scalars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
    generatorTerms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(generatorTerms));
  }

  /** {@code objective} of the critic named {@code critic} with every technique's terms. */
  public static CriticTerms of(
      VariantContext context,
      PenaltyContext penalties,
      Operand<TFloat32> objective,
      String critic) {
    Ops tf = context.tf();
    Operand<TFloat32> total = objective;
    Map<String, Operand<TFloat32>> scalars = new LinkedHashMap<>();
    Map<String, Operand<TFloat32>> generator = new LinkedHashMap<>();
    for (NamedTerms named : context.lossTerms(penalties)) {
      if (named.terms().discriminator().isPresent()) {
        total = tf.math.add(total, named.terms().discriminator().get());
        scalars.put("reg/" + named.technique() + "/" + critic, named.terms().discriminator().get());
      }
      named
          .terms()
          .tracked()
          .forEach(
              (key, value) ->
                  scalars.put("reg/" + named.technique() + "/" + key + "/" + critic, value));
      // Only the critic given the generator's variables brings its terms, so each counts once.
      if (!penalties.generatorVariables().isEmpty()) {
        named
            .terms()
            .generator()
            .ifPresent(term -> generator.put("reg/" + named.technique() + "/g", term));
      }
    }
    return new CriticTerms(total, scalars, generator);
  }

  /** {@code generatorObjective} plus the generator-side terms, in the techniques' order. */
  public Operand<TFloat32> addGeneratorTerms(Ops tf, Operand<TFloat32> generatorObjective) {
    Operand<TFloat32> total = generatorObjective;
    for (Operand<TFloat32> term : generatorTerms.values()) {
      total = tf.math.add(total, term);
    }
    return total;
  }
}
