package org.nashlab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nashlab.train.Benchmark;
import org.nashlab.train.MatMulPeak;
import org.nashlab.train.StepTrace;

/** What {@code nash bench} prints of a training benchmark: the rate, the FLOPs, the profile. */
final class BenchOutput {
  private static final int PROFILE_ROWS = 15;

  private final String name;
  private final int batch;
  private final Benchmark.Result result;

  BenchOutput(String name, int batch, Benchmark.Result result) {
    this.name = name;
    this.batch = batch;
    this.result = result;
  }

  void summary(PrintWriter out) {
    out.printf(
        "%s: %.2f iterations/s (median of %d, batch %d, %d cores); repeats: %s%n",
        name,
        result.median(),
        result.perRepeat().size(),
        batch,
        result.cores(),
        result.perRepeat().stream()
            .map(r -> String.format("%.2f", r))
            .collect(Collectors.joining(" ")));
    out.printf(
        "%s: %.3f GFLOP per iteration (MatMul and convolutions, counted from TensorFlow's trace%s)"
            + " = %.1f GFLOP/s, %.2f of this machine's float32 MatMul peak (%.1f GFLOP/s, %d^2)%n",
        name,
        result.gflopPerIteration(),
        result.trace().uncounted() == 0
            ? ""
            : "; " + result.trace().uncounted() + " kernels without shapes not counted",
        result.gflops(),
        result.shareOfPeak(),
        result.matmulPeak(),
        MatMulPeak.SIZE);
  }

  /** Kernel time of the traced iteration by op type, then its slowest kernels. */
  void profile(PrintWriter out) {
    StepTrace trace = result.trace();
    double total = trace.nanos();
    out.printf(
        "%nKernel time of one traced iteration: %.1f ms in %d kernels (tracing adds time;"
            + " read shares, not totals)%n",
        total / 1e6, trace.kernels().size());
    out.printf("  %-30s %7s %9s %7s%n", "op", "kernels", "ms", "share");
    for (StepTrace.OpTime op : trace.byOp().stream().limit(PROFILE_ROWS).toList()) {
      out.printf(
          "  %-30s %7d %9.2f %6.1f%%%n",
          op.op(), op.count(), op.nanos() / 1e6, 100 * op.nanos() / total);
    }
    out.printf("%n  slowest kernels%n");
    List<StepTrace.Kernel> slowest =
        trace.kernels().stream()
            .sorted(Comparator.comparingLong(StepTrace.Kernel::nanos).reversed())
            .limit(PROFILE_ROWS)
            .toList();
    for (StepTrace.Kernel k : slowest) {
      out.printf(
          "  %-50s %-24s %7.2f ms %s%n",
          k.node(),
          k.op(),
          k.nanos() / 1e6,
          k.flops() > 0 ? String.format("%.1f GFLOP/s", k.flops() / k.nanos()) : "");
    }
  }

  /** One line of JSON, for scripts such as benchmarks/peers/run.py. */
  void json(PrintWriter out) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("median", result.median());
    fields.put("repeats", result.perRepeat());
    fields.put("batch", batch);
    fields.put("cores", result.cores());
    fields.put("gflop_per_iteration", result.gflopPerIteration());
    fields.put("uncounted_kernels", result.trace().uncounted());
    fields.put("gflops", result.gflops());
    fields.put("matmul_peak_gflops", result.matmulPeak());
    fields.put("share_of_peak", result.shareOfPeak());
    try {
      out.println(new ObjectMapper().writeValueAsString(fields));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
