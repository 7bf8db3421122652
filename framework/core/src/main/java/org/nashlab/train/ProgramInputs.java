package org.nashlab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;
import org.nashlab.api.DataSource;
import org.nashlab.api.LabeledSource;
import org.nashlab.eval.RealReference;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The inputs a program declared, by name, and how Nash feeds them: real batches of the data streams
 * (and their labels) from the trial's data stream, latents and random labels from its noise stream,
 * each in declaration order; scalars the schedule feeds; and the trial's progress. For training,
 * each input lives in one array and one tensor for the whole trial, rewritten in place by every
 * {@link #draw}; samples are fed {@link Rows} of a fixed draw.
 */
final class ProgramInputs implements AutoCloseable {
  /** A data stream's batch, with its labels placeholder when the program asked for them. */
  private static final class Real {
    final DataSource source;
    final Placeholder<TFloat32> batch;
    Placeholder<TInt32> labels;
    float[] values;
    int[] labelValues;
    TFloat32 tensor;
    TInt32 labelTensor;

    Real(DataSource source, Placeholder<TFloat32> batch) {
      this.source = source;
      this.batch = batch;
    }
  }

  /** A latent ({@code classes == 0}) or random labels. */
  private static final class Noise {
    final Placeholder<?> input;
    final int width;
    final int classes;
    float[] latent;
    int[] labels;
    Tensor tensor;

    Noise(Placeholder<?> input, int width, int classes) {
      this.input = input;
      this.width = width;
      this.classes = classes;
    }
  }

  private final Ops tf;
  private final Map<String, DataSource> sources;
  private final Map<String, Real> reals = new LinkedHashMap<>();
  private final Map<String, Noise> noises = new LinkedHashMap<>();
  private final List<Real> training = new ArrayList<>();
  private final List<Noise> trainingNoise = new ArrayList<>();
  private final Map<String, Placeholder<TFloat32>> scalars = new LinkedHashMap<>();
  private final Map<String, Operand<TFloat32>> scalarReads = new LinkedHashMap<>();
  private final Map<String, Float> scalarValues = new LinkedHashMap<>();
  private final Map<String, TFloat32> scalarTensors = new LinkedHashMap<>();
  private final Placeholder<TFloat32> stepsDone;
  private final Operand<TFloat32> progress;
  private TFloat32 stepsDoneTensor = TFloat32.scalarOf(0f);
  private int batchSize;

  ProgramInputs(Ops tf, Map<String, DataSource> sources, long steps) {
    this.tf = tf;
    this.sources = new LinkedHashMap<>(sources);
    this.stepsDone =
        tf.withName("nash_steps_done")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    // Read through a variable, as Nash's progress always was: Grappler leaves ops on a variable's
    // (ref) output alone, while it reassociates arithmetic on a placeholder, which changes the
    // annealed values in the last bit.
    Operand<TFloat32> done =
        tf.assign(tf.withName("nash_steps").variable(tf.constant(0f)), stepsDone);
    this.progress =
        tf.withName("nash_progress")
            .math
            .minimum(tf.math.div(done, tf.constant((float) Math.max(1, steps))), tf.constant(1f));
  }

  List<String> streams() {
    return List.copyOf(sources.keySet());
  }

  DataSource source(String stream) {
    DataSource source = sources.get(stream);
    if (source == null) {
      throw new IllegalArgumentException(
          "the variant reads the data stream '"
              + stream
              + "' but the experiment has "
              + (sources.containsKey(org.nashlab.api.VariantContext.REAL)
                  ? "one dataset (the stream 'real'); name the streams under datasets:"
                  : "the streams " + new java.util.TreeSet<>(sources.keySet())));
    }
    return source;
  }

  /** The names of the real-label placeholders the program asked for. */
  List<String> realLabelInputs() {
    return reals.values().stream()
        .filter(r -> r.labels != null)
        .map(r -> r.labels.op().name())
        .toList();
  }

  /** The streams the program read; the others are configured but unused. */
  List<String> readStreams() {
    return List.copyOf(reals.keySet());
  }

  Placeholder<TFloat32> real(String stream) {
    DataSource source = source(stream);
    return reals.computeIfAbsent(
            stream,
            s ->
                new Real(
                    source,
                    tf.withName(isMain(s) ? "real" : "real_" + s)
                        .placeholder(
                            TFloat32.class, Placeholder.shape(batched(source.sampleShape())))))
        .batch;
  }

  Placeholder<TInt32> realLabels(String stream) {
    real(stream);
    Real real = reals.get(stream);
    if (!(real.source instanceof LabeledSource)) {
      throw new IllegalArgumentException(
          "the variant needs class labels, but the samples of data stream '"
              + stream
              + "' carry none");
    }
    if (real.labels == null) {
      real.labels =
          tf.withName(isMain(stream) ? "real_labels" : "real_" + stream + "_labels")
              .placeholder(TInt32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE)));
    }
    return real.labels;
  }

  Placeholder<TFloat32> latent(String name, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("latent '" + name + "': dimension must be >= 1");
    }
    Placeholder<TFloat32> input =
        tf.withName(name)
            .placeholder(
                TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, dimension)));
    declareNoise(name, new Noise(input, dimension, 0));
    return input;
  }

  Placeholder<TInt32> randomLabels(String name, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("labels '" + name + "': classes must be >= 1");
    }
    Placeholder<TInt32> input =
        tf.withName(name)
            .placeholder(TInt32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE)));
    declareNoise(name, new Noise(input, 1, classes));
    return input;
  }

  private void declareNoise(String name, Noise noise) {
    if (noises.containsKey(name) || scalars.containsKey(name)) {
      throw new IllegalArgumentException("the input '" + name + "' was already asked for");
    }
    noises.put(name, noise);
  }

  /** The scalar's value in the graph; an identity of its placeholder, so it can be fetched too. */
  Operand<TFloat32> scalar(String name) {
    return scalarReads.computeIfAbsent(
        name,
        n -> {
          scalarValues.put(n, 0f);
          scalarTensors.put(n, TFloat32.scalarOf(0f));
          Placeholder<TFloat32> input =
              tf.withName("scalar_" + n)
                  .placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
          scalars.put(n, input);
          return tf.withName("scalar_" + n + "_value").identity(input);
        });
  }

  Operand<TFloat32> progress() {
    return progress;
  }

  /** The classes of the first random labels the program asked for; 0 when it asked for none. */
  int sampleClasses() {
    return noises.values().stream()
        .filter(n -> n.classes > 0)
        .mapToInt(n -> n.classes)
        .findFirst()
        .orElse(0);
  }

  void feed(String scalar, float value) {
    if (!scalars.containsKey(scalar)) {
      throw new IllegalArgumentException(
          "the schedule feeds the scalar '"
              + scalar
              + "' the program never asked for; it has "
              + scalars.keySet());
    }
    scalarValues.put(scalar, value);
    scalarTensors.put(scalar, TFloat32.scalarOf(value)).close();
  }

  Map<String, Float> scalarValues() {
    return Map.copyOf(scalarValues);
  }

  /** Sets the progress fed from now on: the share of the trial's steps done before {@code step}. */
  void beforeStep(long step) {
    stepsDoneTensor.close();
    stepsDoneTensor = TFloat32.scalarOf((float) (step - 1));
  }

  /**
   * Allocates the training batches once the program is built, for the inputs among the ops {@code
   * needed} by its updates: only those are drawn and fed each step (a stream read only by samples,
   * such as a held-out set, is not).
   */
  void open(int batchSize, Set<String> needed) {
    this.batchSize = batchSize;
    reals.forEach(
        (stream, real) -> {
          if (needed.contains(real.batch.op().name())
              || (real.labels != null && needed.contains(real.labels.op().name()))) {
            training.add(real);
          }
        });
    noises.forEach(
        (name, noise) -> {
          if (needed.contains(noise.input.op().name())) {
            trainingNoise.add(noise);
          }
        });
    for (Real real : training) {
      Shape shape = Shape.of(batchSize).append(real.source.sampleShape());
      // Zeros until the first draw, not whatever the native memory held.
      real.values = new float[Math.toIntExact(shape.size())];
      real.tensor = TFloat32.tensorOf(shape, DataBuffers.of(real.values, true, false));
      real.labelValues = new int[batchSize];
      real.labelTensor = TInt32.vectorOf(real.labelValues);
    }
    for (Noise noise : trainingNoise) {
      if (noise.classes == 0) {
        noise.latent = new float[batchSize * noise.width];
        noise.tensor =
            TFloat32.tensorOf(
                Shape.of(batchSize, noise.width), DataBuffers.of(noise.latent, true, false));
      } else {
        noise.labels = new int[batchSize];
        noise.tensor = TInt32.vectorOf(noise.labels);
      }
    }
  }

  /** Fresh training batches for every input, in declaration order within each random stream. */
  void draw(RandomStreams streams) {
    for (Real real : training) {
      if (real.source instanceof LabeledSource labeled) {
        labeled.fillBatch(real.values, real.labelValues, batchSize, streams.data);
        real.labelTensor.copyFrom(DataBuffers.of(real.labelValues, true, false));
      } else {
        real.source.fillBatch(real.values, batchSize, streams.data);
      }
      real.tensor.copyFrom(DataBuffers.of(real.values, true, false));
    }
    for (Noise noise : trainingNoise) {
      if (noise.classes == 0) {
        fillNormal(noise.latent, streams.noise);
        ((TFloat32) noise.tensor).copyFrom(DataBuffers.of(noise.latent, true, false));
      } else {
        for (int i = 0; i < batchSize; i++) {
          noise.labels[i] = streams.noise.nextInt(noise.classes);
        }
        ((TInt32) noise.tensor).copyFrom(DataBuffers.of(noise.labels, true, false));
      }
    }
  }

  /** A runner fed the current training batches, scalars and progress. */
  Session.Runner training(Session session) {
    Session.Runner runner = fixed(session);
    for (Real real : training) {
      runner.feed(real.batch, real.tensor);
      if (real.labels != null) {
        runner.feed(real.labels, real.labelTensor);
      }
    }
    for (Noise noise : trainingNoise) {
      runner.feed(noise.input, noise.tensor);
    }
    return runner;
  }

  /** A runner fed the scalars and the progress. */
  private Session.Runner fixed(Session session) {
    Session.Runner runner = session.runner().feed(stepsDone, stepsDoneTensor);
    scalars.forEach((name, input) -> runner.feed(input, scalarTensors.get(name)));
    return runner;
  }

  /**
   * Inputs for {@code count} sample rows, of the inputs named in {@code needed}: latents from
   * {@code latentNoise} in declaration order, labels {@code labelOf(row)}, real rows the first
   * {@code count} of each stream's fixed {@link RealReference}. Real labels are not fed: samples
   * cannot read them.
   */
  Rows sampleRows(
      int count, RandomGenerator latentNoise, IntUnaryOperator labelOf, Set<String> needed) {
    Map<Placeholder<?>, Object> rows = new LinkedHashMap<>();
    for (Real real : reals.values()) {
      if (needed.contains(real.batch.op().name())) {
        rows.put(real.batch, new RealReference(real.source).draw(count).values());
      }
    }
    for (Noise noise : noises.values()) {
      if (!needed.contains(noise.input.op().name())) {
        continue;
      }
      if (noise.classes == 0) {
        float[] latent = new float[count * noise.width];
        fillNormal(latent, latentNoise);
        rows.put(noise.input, latent);
      } else {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
          labels[i] = Math.floorMod(labelOf.applyAsInt(i), noise.classes);
        }
        rows.put(noise.input, labels);
      }
    }
    return new Rows(rows);
  }

  /** Every input's values for a set of sample rows. */
  final class Rows {
    private final Map<Placeholder<?>, Object> values;

    private Rows(Map<Placeholder<?>, Object> values) {
      this.values = values;
    }

    /**
     * A runner fed rows {@code first .. first + n}, the scalars and the progress; the tensors go
     * into {@code open}, for the caller to close after the run.
     */
    Session.Runner feed(Session session, int first, int n, List<Tensor> open) {
      Session.Runner runner = fixed(session);
      for (var entry : values.entrySet()) {
        Placeholder<?> input = entry.getKey();
        long[] dims = input.shape().asArray();
        dims[0] = n;
        Shape shape = Shape.of(dims);
        int width = Math.toIntExact(shape.size() / n);
        Tensor tensor;
        if (entry.getValue() instanceof float[] all) {
          float[] slice = java.util.Arrays.copyOfRange(all, first * width, (first + n) * width);
          tensor = TFloat32.tensorOf(shape, DataBuffers.of(slice, true, false));
        } else {
          int[] all = (int[]) entry.getValue();
          tensor = TInt32.vectorOf(java.util.Arrays.copyOfRange(all, first, first + n));
        }
        open.add(tensor);
        runner.feed(input, tensor);
      }
      return runner;
    }
  }

  static void fillNormal(float[] target, RandomGenerator random) {
    for (int i = 0; i < target.length; i++) {
      target[i] = (float) random.nextGaussian();
    }
  }

  private static boolean isMain(String stream) {
    return org.nashlab.api.VariantContext.REAL.equals(stream);
  }

  private static Shape batched(Shape sample) {
    return Shape.of(Shape.UNKNOWN_SIZE).append(sample);
  }

  @Override
  public void close() {
    stepsDoneTensor.close();
    scalarTensors.values().forEach(TFloat32::close);
    for (Real real : training) {
      if (real.tensor != null) {
        real.tensor.close();
        real.labelTensor.close();
      }
    }
    for (Noise noise : trainingNoise) {
      if (noise.tensor != null) {
        noise.tensor.close();
      }
    }
  }
}
