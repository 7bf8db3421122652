package org.nashlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code nash bench}: the rate, the FLOPs counted from the trace, and the MatMul peak. */
class BenchIT {
  @Test
  void countsTheQuickstartStepsFlopsAsTheClosedFormAndComparesThemWithTheMatMulPeak()
      throws Exception {
    NashProcess bench =
        NashProcess.run(
            Map.of(),
            "bench",
            "quickstart",
            "--warmup",
            "5",
            "--iterations",
            "20",
            "--repeats",
            "1",
            "--profile",
            "--json");
    assertEquals(0, bench.exitCode(), bench.out() + bench.err());
    List<String> lines = bench.out().strip().lines().toList();
    JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));

    // experiments/quickstart.yaml: G 64-128-128-2, D 2-128-128-1, batch 256. Multiply-adds per
    // sample: the D update runs G forward, D forward and backward on real and fake (no input
    // gradient of D's first layer); the G update runs G forward, D forward, D's input gradients
    // down to the sample, G's weight gradients and its input gradients but for its first layer.
    long gForward = 64 * 128 + 128 * 128 + 128 * 2;
    long dForward = 2 * 128 + 128 * 128 + 128;
    long dUpdate = gForward + 2 * (dForward + dForward + (128 * 128 + 128));
    long gUpdate = gForward + dForward + dForward + gForward + (128 * 128 + 128 * 2);
    double flops = 2.0 * 256 * (dUpdate + gUpdate);
    assertEquals(flops / 1e9, json.get("gflop_per_iteration").asDouble(), 1e-12);
    assertEquals(0, json.get("uncounted_kernels").asInt());

    double median = json.get("median").asDouble();
    double peak = json.get("matmul_peak_gflops").asDouble();
    assertTrue(median > 0 && peak > 0, json.toString());
    assertEquals(flops / 1e9 * median, json.get("gflops").asDouble(), 1e-9);
    assertEquals(flops / 1e9 * median / peak, json.get("share_of_peak").asDouble(), 1e-12);
    assertTrue(bench.out().contains("of this machine's float32 MatMul peak"), bench.out());
    assertTrue(bench.out().contains("MatMul"), bench.out());
    assertTrue(bench.out().contains("slowest kernels"), bench.out());
  }
}
