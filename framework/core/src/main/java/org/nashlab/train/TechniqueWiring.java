package org.nashlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nashlab.api.AveragingContext;
import org.nashlab.api.ConstraintContext;
import org.nashlab.api.DiscriminatorSchedule;
import org.nashlab.api.InputTransform;
import org.nashlab.api.LossTerm;
import org.nashlab.api.NamedTerms;
import org.nashlab.api.Packing;
import org.nashlab.api.PenaltyContext;
import org.nashlab.api.Player;
import org.nashlab.api.TransformContext;
import org.nashlab.api.WeightAveraging;
import org.nashlab.api.WeightConstraint;
import org.nashlab.api.WeightContext;
import org.nashlab.api.WeightReparametrisation;
import org.nashlab.nn.Seeds;
import org.nashlab.nn.WeightReads;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Where each kind of technique plugs into a program: input transforms on the critic's inputs, loss
 * terms, weight reparametrisations as layers read their weights, constraints and averaging after a
 * network's update, and discriminator schedules. Every technique is called in the experiment's
 * order; a plugin's {@link IllegalArgumentException} becomes a {@link PluginFailure} naming the
 * technique's section.
 */
final class TechniqueWiring {
  private final Ops tf;
  private final Operand<TFloat32> progress;
  private final Seeds seeds;
  private final List<Technique> techniques;

  TechniqueWiring(Ops tf, Operand<TFloat32> progress, Seeds seeds, List<Technique> techniques) {
    this.tf = tf;
    this.progress = progress;
    this.seeds = seeds;
    this.techniques = List.copyOf(techniques);
  }

  boolean reparametrises() {
    return techniques.stream().anyMatch(t -> t.regularizer() instanceof WeightReparametrisation);
  }

  /** A layer's weight through the first reparametrisation that applies to it. */
  WeightReads.Read reparametrised(
      Ops ops, String layer, Variable<TFloat32> weight, int outputAxis, Player owner) {
    WeightContext context = new WeightContext(ops, layer, weight, outputAxis, owner, seeds);
    for (Technique t : techniques) {
      if (t.regularizer() instanceof WeightReparametrisation reparametrisation) {
        WeightReads.Read read = t.call(() -> reparametrisation.reparametrise(context));
        if (read.value() != weight) {
          return read;
        }
      }
    }
    return context.plain();
  }

  /** {@code batch} after every input transform, in the experiment's order. */
  Operand<TFloat32> transformed(Operand<TFloat32> batch, String which) {
    Operand<TFloat32> x = batch;
    for (int i = 0; i < techniques.size(); i++) {
      Technique t = techniques.get(i);
      if (t.regularizer() instanceof InputTransform transform) {
        Operand<TFloat32> in = x;
        x =
            t.call(
                () ->
                    transform.transform(
                        new TransformContext(tf, in, progress, t.prefix() + "_" + which, seeds)));
      }
    }
    return x;
  }

  List<NamedTerms> lossTerms(PenaltyContext context) {
    List<NamedTerms> all = new ArrayList<>();
    for (Technique t : techniques) {
      if (t.regularizer() instanceof LossTerm term) {
        all.add(
            new NamedTerms(
                t.name(),
                t.call(() -> term.terms(context.withName(t.prefix() + "_" + context.name())))));
      }
    }
    return all;
  }

  /** The update followed by every weight constraint on networks of {@code role}. */
  Op constrained(Player role, List<Variable<TFloat32>> variables, Op update) {
    Ops after = tf.withControlDependencies(List.of(update));
    List<Op> constraints = new ArrayList<>();
    for (Technique t : techniques) {
      if (t.regularizer() instanceof WeightConstraint constraint) {
        constraints.addAll(
            t.call(() -> constraint.constrain(new ConstraintContext(after, role, variables))));
      }
    }
    return constraints.isEmpty()
        ? update
        : tf.withControlDependencies(constraints)
            .withName(update.op().name() + "_constrained")
            .noOp();
  }

  /**
   * The update followed by the update of the network's shadow weights, when a technique keeps them
   * (at most one may), and the shadows' swap for sampling.
   */
  Optional<Averaged> averaged(
      String network, Player role, List<Variable<TFloat32>> variables, Op update) {
    Ops after = tf.withControlDependencies(List.of(update));
    List<WeightAveraging.Shadows> shadows = new ArrayList<>();
    for (Technique t : techniques) {
      if (t.regularizer() instanceof WeightAveraging averaging) {
        t.call(() -> averaging.average(new AveragingContext(tf, after, role, variables)))
            .ifPresent(shadows::add);
      }
    }
    if (shadows.isEmpty()) {
      return Optional.empty();
    }
    if (shadows.size() > 1) {
      throw new IllegalArgumentException("only one technique may average a network's weights");
    }
    return Optional.of(
        new Averaged(
            tf.withControlDependencies(shadows.get(0).updates())
                .withName(network + "_averaged")
                .noOp(),
            new AveragedWeights(tf, variables, shadows.get(0).variables())));
  }

  /** An update with its shadows' update after it, and the shadows to sample with. */
  record Averaged(Op update, AveragedWeights weights) {}

  /**
   * The technique that packs the critic's inputs, if any.
   *
   * @throws PluginFailure at the second such technique: a critic is packed once
   */
  Optional<Technique> packing() {
    List<Technique> packing =
        techniques.stream().filter(t -> t.regularizer() instanceof Packing).toList();
    if (packing.size() > 1) {
      throw new PluginFailure(
          packing.get(1).section(),
          new IllegalArgumentException(
              "the critic is packed by " + packing.get(0).section() + " already"));
    }
    return packing.stream().findFirst();
  }

  /** The techniques that decide how many D updates run each step, in the experiment's order. */
  List<DiscriminatorSchedule> schedules() {
    return techniques.stream()
        .map(Technique::regularizer)
        .filter(DiscriminatorSchedule.class::isInstance)
        .map(DiscriminatorSchedule.class::cast)
        .toList();
  }
}
