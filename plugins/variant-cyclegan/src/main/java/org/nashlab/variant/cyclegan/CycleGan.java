package org.nashlab.variant.cyclegan;

import static org.nashlab.api.ParamChecks.layerWidth;
import static org.nashlab.api.ParamChecks.nonNegative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nashlab.api.DataDescription;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.LossContext;
import org.nashlab.api.Player;
import org.nashlab.api.Schedule;
import org.nashlab.api.TrainingProgram;
import org.nashlab.api.Variant;
import org.nashlab.api.VariantContext;
import org.nashlab.nn.Mode;
import org.nashlab.nn.Network;
import org.nashlab.nn.Trainable;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * CycleGAN (Zhu et al. 2017): unpaired translation between the image domains of the data streams
 * {@code a} and {@code b}. {@code G_AB} and {@code G_BA} each fool a PatchGAN critic of their
 * target domain ({@code D_B}, {@code D_A}) with the experiment's loss (least squares in the paper),
 * while {@code lambda (|G_BA(G_AB(a)) - a| + |G_AB(G_BA(b)) - b|)} keeps the two mappings each
 * other's inverse (eq. 2) and, optionally, {@code lambda * identity-weight (|G_BA(a) - a| +
 * |G_AB(b) - b|)} keeps colours (section 5.2).
 *
 * <p>Each step draws one batch of each domain; both generators take one joint update on it, then
 * both critics one update each on the real batch against the translations of that update (from a
 * pool of earlier ones, {@link ImagePool}), their objectives halved as in the paper. Stability
 * techniques apply to both critics (and, for generator-side ones, to both generators): input
 * transforms on what each critic sees, loss terms per critic, spectral norm by role.
 *
 * <p>Samples are translations {@code G_AB(a)} of the stream {@code a-held-out} (or {@code a}), so
 * FID and the other metrics compare them with domain {@code b}. The sample picture shows eight
 * held-out rows {@code a, G_AB(a), G_BA(G_AB(a)), b, G_BA(b), G_AB(G_BA(b))}. The probes are the
 * cycle reconstruction errors and, when the true mapping is known ({@code reference: inversion}),
 * the translation errors against it and the identity map's error on the same images.
 */
@Doc(
    "CycleGAN (Zhu et al. 2017): unpaired translation between data streams a and b, ResNet or U-Net G,"
        + " PatchGAN D, cycle and identity losses, image pool")
public final class CycleGan implements Variant {
  /** The domains' data streams and the held-out ones the samples and probes use. */
  static final String A = "a";

  static final String B = "b";
  static final String HELD_OUT = "-held-out";

  /** What the true translation is, when the experiment's pair has a known one. */
  public enum Reference {
    /** No known mapping: no translation errors, only cycle errors. */
    NONE,
    /** B is A colour-inverted ({@code x -> -x} on [-1, 1]): fashion-mnist against invert: true. */
    INVERSION
  }

  /** The generator's architecture, as the authors' code offers them ({@code --netG}). */
  public enum Generator {
    /** Johnson et al. 2016: downsampling, residual blocks, upsampling (the paper's choice). */
    RESNET,
    /** pix2pix's U-Net: an encoder and a decoder with skip connections between them. */
    UNET
  }

  public record Params(
      @Doc("resnet (the paper) or unet (the authors' code, after pix2pix)") @Default("resnet")
          Generator generator,
      @Doc("channels of G's first convolution; doubled at each downsampling") @Default("16")
          int generatorWidth,
      @Doc("stride-2 convolutions in G (resnet: before the residual blocks; unet: its depth)")
          @Default("2")
          int downsamplings,
      @Doc("residual blocks in the resnet G (the paper: 6 at 128 px, 9 at 256 px)") @Default("3")
          int residualBlocks,
      @Doc("channels of D's first convolution; doubled at each layer") @Default("32")
          int discriminatorWidth,
      @Doc("stride-2 convolutions in the PatchGAN D (the paper's 70x70 PatchGAN: 3)") @Default("2")
          int discriminatorLayers,
      @Doc("weight of the cycle-consistency loss, lambda (the paper: 10)") @Default("10")
          double cycleWeight,
      @Doc("identity loss weight as a share of lambda; 0 turns it off (the paper: 0.5)")
          @Default("0.5")
          double identityWeight,
      @Doc("earlier translations kept for D (Shrivastava et al. 2017); 0 turns the pool off")
          @Default("50")
          int poolSize,
      @Doc(
              "draw samples and probes from the streams a-held-out and b-held-out (else from a"
                  + " and b)")
          @Default("true")
          boolean heldOut,
      @Doc("the known true translation, for the translation errors: none or inversion")
          @Default("none")
          Reference reference) {
    public Params {
      java.util.Objects.requireNonNull(generator, "generator");
      if (generator == Generator.UNET && downsamplings < 1) {
        throw new IllegalArgumentException("downsamplings: the unet generator needs at least 1");
      }
      if (generator == Generator.UNET && residualBlocks != 3) {
        throw new IllegalArgumentException(
            "residual-blocks: only the resnet generator has residual blocks; the unet has none");
      }
      layerWidth(generatorWidth, "generator-width");
      nonNegative(downsamplings, "downsamplings");
      nonNegative(residualBlocks, "residual-blocks");
      layerWidth(discriminatorWidth, "discriminator-width");
      nonNegative(discriminatorLayers, "discriminator-layers");
      nonNegative(cycleWeight, "cycle-weight");
      nonNegative(identityWeight, "identity-weight");
      nonNegative(poolSize, "pool-size");
    }
  }

  private final Params params;

  public CycleGan(Params params) {
    this.params = params;
  }

  /**
   * The streams a and b, and their held-out streams when samples come from those, all images of one
   * shape whose sides divide by 2^downsamplings.
   */
  @Override
  public List<String> problemsWith(DataDescription data) {
    List<String> streams = new ArrayList<>(List.of(A, B));
    if (params.heldOut()) {
      streams.addAll(List.of(A + HELD_OUT, B + HELD_OUT));
    }
    List<String> missing = streams.stream().filter(s -> !data.streams().containsKey(s)).toList();
    if (!missing.isEmpty()) {
      return List.of(
          "CycleGAN reads the data streams "
              + String.join(", ", streams)
              + " (named under datasets:); this experiment has no "
              + String.join(", ", missing)
              + (params.heldOut() ? " (variant.held-out: false needs only a and b)" : ""));
    }
    int side = 1 << params.downsamplings();
    Shape shapeA = data.streams().get(A).shape();
    List<String> problems = new ArrayList<>();
    for (String stream : streams) {
      Shape shape = data.streams().get(stream).shape();
      if (shape.numDimensions() != 3 || shape.get(0) % side != 0 || shape.get(1) % side != 0) {
        problems.add(
            "CycleGAN needs images whose sides divide by 2^downsamplings = "
                + side
                + "; stream "
                + stream
                + " has samples of shape "
                + shape);
      } else if (!shape.equals(shapeA)) {
        problems.add(
            "the streams' images must have one shape; a has "
                + shapeA
                + ", "
                + stream
                + " has "
                + shape);
      }
    }
    return problems;
  }

  @Override
  public TrainingProgram build(VariantContext context) {
    Ops tf = context.tf();
    Shape shapeA = context.sampleShape(A);
    if (context.discriminatorSteps() != 1 || !context.discriminatorSchedules().isEmpty()) {
      throw new IllegalArgumentException(
          "CycleGAN updates each critic once per step, after the generators; training.d-steps"
              + " must be 1 and techniques that schedule D (d-skip) do not apply");
    }
    long channels = shapeA.get(2);
    for (String name : List.of("gab", "gba")) {
      context.declareNetwork(name, Player.GENERATOR);
    }
    for (String name : List.of("da", "db")) {
      context.declareNetwork(name, Player.DISCRIMINATOR);
    }
    Network gAB = Translators.generator(tf, "gab", shapeA, params, context.initSeeds());
    Network gBA = Translators.generator(tf, "gba", shapeA, params, context.initSeeds());
    Network dA = Translators.discriminator(tf, "da", channels, params, context.initSeeds());
    Network dB = Translators.discriminator(tf, "db", channels, params, context.initSeeds());
    Operand<TFloat32> a = context.real(A);
    Operand<TFloat32> b = context.real(B);

    // The generators' objective (eq. 3 with the paper's identity loss).
    Operand<TFloat32> fakeB = gAB.apply(a, Mode.TRAINING);
    Operand<TFloat32> fakeA = gBA.apply(b, Mode.TRAINING);
    Map<String, Operand<TFloat32>> gScalars = new LinkedHashMap<>();
    Operand<TFloat32> adversarialB = generatorLoss(context, dB, b, fakeB, "b");
    Operand<TFloat32> adversarialA = generatorLoss(context, dA, a, fakeA, "a");
    Operand<TFloat32> cycle =
        tf.math.add(
            CycleViews.meanAbsolute(tf, gBA.apply(fakeB, Mode.TRAINING), a),
            CycleViews.meanAbsolute(tf, gAB.apply(fakeA, Mode.TRAINING), b));
    Operand<TFloat32> gLoss =
        tf.math.add(
            tf.math.add(adversarialA, adversarialB),
            tf.math.mul(tf.constant((float) params.cycleWeight()), cycle));
    gScalars.put("loss/g-ab", adversarialB);
    gScalars.put("loss/g-ba", adversarialA);
    gScalars.put("loss/cycle", cycle);
    if (params.identityWeight() > 0) {
      Operand<TFloat32> identity =
          tf.math.add(
              CycleViews.meanAbsolute(tf, gBA.apply(a, Mode.TRAINING), a),
              CycleViews.meanAbsolute(tf, gAB.apply(b, Mode.TRAINING), b));
      gScalars.put("loss/identity", identity);
      gLoss =
          tf.math.add(
              gLoss,
              tf.math.mul(
                  tf.constant((float) (params.cycleWeight() * params.identityWeight())), identity));
    }

    // The translations of the generators' step, kept for the critics' step (taken before G's
    // update, as the authors' code does).
    Variable<TFloat32> freshB = keep(tf, "cyclegan_fresh_b", context.batchSize(), shapeA);
    Variable<TFloat32> freshA = keep(tf, "cyclegan_fresh_a", context.batchSize(), shapeA);
    Trainable generators = joint(gAB, gBA);
    Map<String, Operand<TFloat32>> dScalars = new LinkedHashMap<>();
    PatchCritic.Update dBUpdate =
        PatchCritic.update(context, "db", dB, b, freshB, params.poolSize(), generators, dScalars);
    PatchCritic.Update dAUpdate =
        PatchCritic.update(context, "da", dA, a, freshA, params.poolSize(), null, dScalars);
    Op dTrain =
        tf.withControlDependencies(List.of(dAUpdate.train(), dBUpdate.train()))
            .withName("cyclegan_critics")
            .noOp();

    gLoss = dBUpdate.terms().addGeneratorTerms(tf, gLoss);
    gScalars.putAll(dBUpdate.terms().generatorTerms());
    gScalars.put("loss/g", gLoss);
    Op gStep = context.minimize("g", generators, gLoss, context.steps(), gScalars);
    Op gTrain =
        tf.withControlDependencies(
                List.of(gStep, tf.assign(freshB, fakeB), tf.assign(freshA, fakeA)))
            .withName("cyclegan_generators")
            .noOp();

    return program(context, gAB, gBA, gTrain, gScalars, dTrain, dScalars, shapeA);
  }

  /** G's adversarial term against the critic of one domain, and its scalars. */
  private static Operand<TFloat32> generatorLoss(
      VariantContext context,
      Network critic,
      Operand<TFloat32> real,
      Operand<TFloat32> fake,
      String domain) {
    Operand<TFloat32> realLogits =
        PatchCritic.patches(
            context.tf(),
            critic.apply(context.criticInput(real, "g_real_" + domain), Mode.TRAINING));
    Operand<TFloat32> fakeLogits =
        PatchCritic.patches(
            context.tf(),
            critic.apply(context.criticInput(fake, "g_fake_" + domain), Mode.TRAINING));
    return context.loss().build(new LossContext(context.tf(), realLogits, fakeLogits)).generator();
  }

  private TrainingProgram program(
      VariantContext context,
      Network gAB,
      Network gBA,
      Op gTrain,
      Map<String, Operand<TFloat32>> gScalars,
      Op dTrain,
      Map<String, Operand<TFloat32>> dScalars,
      Shape shape) {
    CycleViews views = CycleViews.of(context, gAB, gBA, params, shape);
    Schedule schedule =
        step -> {
          step.draw();
          step.run(GENERATORS, step.logging());
          step.run(CRITICS, step.logging());
        };
    return new TrainingProgram(
        List.of(
            new TrainingProgram.Update(GENERATORS, gTrain, gScalars),
            new TrainingProgram.Update(CRITICS, dTrain, dScalars)),
        schedule,
        views.translations(),
        B,
        Optional.of(views.grid()),
        views.probes());
  }

  static final String GENERATORS = "generators";
  static final String CRITICS = "critics";

  private static Variable<TFloat32> keep(Ops tf, String name, int batch, Shape image) {
    return tf.withName(name)
        .variable(tf.zeros(tf.constant(Shape.of(batch).append(image)), TFloat32.class));
  }

  /** Both generators as one set of weights: the paper updates them with one optimizer. */
  private static Trainable joint(Network first, Network second) {
    return new Trainable() {
      @Override
      public List<Variable<TFloat32>> variables() {
        return concat(first.variables(), second.variables());
      }

      @Override
      public List<Op> updates() {
        return concat(first.updates(), second.updates());
      }
    };
  }

  private static <T> List<T> concat(List<T> x, List<T> y) {
    List<T> all = new java.util.ArrayList<>(x);
    all.addAll(y);
    return all;
  }
}
