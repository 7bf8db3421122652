package org.nashlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Runs a program's sample-side ops (its samples, its own picture, its probes) on fixed inputs, a
 * batch of rows at a time, with every averaged network's shadow weights swapped in.
 */
final class ProgramSampler {
  private static final int BATCH = 500;
  private final Session session;
  private final ProgramInputs inputs;
  private final List<AveragedWeights> averaged;

  ProgramSampler(TrialSetup setup) {
    this.session = setup.session();
    this.inputs = setup.graph().inputs();
    this.averaged = setup.graph().averagedWeights();
  }

  /**
   * The inputs {@code outputs} read, for {@code count} rows; see {@link ProgramInputs#sampleRows}.
   */
  ProgramInputs.Rows rows(
      int count,
      RandomGenerator latentNoise,
      IntUnaryOperator labelOf,
      org.tensorflow.op.Op... outputs) {
    return inputs.sampleRows(count, latentNoise, labelOf, Dependencies.executedBy(outputs));
  }

  /** {@code output} for the first {@code count} rows, flattened row after row. */
  float[] sample(Operand<TFloat32> output, ProgramInputs.Rows rows, int count) {
    return withShadows(
        () -> {
          List<float[]> parts = new ArrayList<>();
          int total = 0;
          for (int first = 0; first < count; first += BATCH) {
            float[] part = run(List.of(output), rows, first, Math.min(BATCH, count - first)).get(0);
            parts.add(part);
            total += part.length;
          }
          float[] values = new float[total];
          int at = 0;
          for (float[] part : parts) {
            System.arraycopy(part, 0, values, at, part.length);
            at += part.length;
          }
          return values;
        });
  }

  /**
   * The mean of each scalar {@code probes} over the first {@code count} rows: each batch's value
   * weighted by its number of rows.
   */
  Map<String, Double> means(
      Map<String, Operand<TFloat32>> probes, ProgramInputs.Rows rows, int count) {
    List<String> keys = probes.keySet().stream().sorted().toList();
    List<Operand<TFloat32>> outputs = keys.stream().map(probes::get).toList();
    return withShadows(
        () -> {
          double[] sums = new double[keys.size()];
          for (int first = 0; first < count; first += BATCH) {
            int n = Math.min(BATCH, count - first);
            List<float[]> values = run(outputs, rows, first, n);
            for (int k = 0; k < sums.length; k++) {
              sums[k] += values.get(k)[0] * (double) n;
            }
          }
          Map<String, Double> means = new java.util.LinkedHashMap<>();
          for (int k = 0; k < sums.length; k++) {
            means.put(keys.get(k), sums[k] / count);
          }
          return means;
        });
  }

  private List<float[]> run(
      List<Operand<TFloat32>> outputs, ProgramInputs.Rows rows, int first, int n) {
    List<Tensor> open = new ArrayList<>();
    try {
      Session.Runner runner = rows.feed(session, first, n, open);
      outputs.forEach(runner::fetch);
      try (Result result = runner.run()) {
        List<float[]> values = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
          TFloat32 tensor = (TFloat32) result.get(i);
          float[] copy = new float[Math.toIntExact(tensor.shape().size())];
          tensor.copyTo(DataBuffers.of(copy, false, false));
          values.add(copy);
        }
        return values;
      }
    } finally {
      open.forEach(Tensor::close);
    }
  }

  private <T> T withShadows(Supplier<T> action) {
    Supplier<T> wrapped = action;
    for (AveragedWeights shadows : averaged) {
      Supplier<T> inner = wrapped;
      wrapped = () -> shadows.during(session, inner);
    }
    return wrapped.get();
  }
}
