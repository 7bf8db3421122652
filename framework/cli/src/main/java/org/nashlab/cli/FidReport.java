package org.nashlab.cli;

import java.io.PrintWriter;
import org.nashlab.train.FidBenchmark;

/** Prints what {@code nash bench fid} measured. */
final class FidReport {
  private FidReport() {}

  static void print(FidBenchmark.Result r, PrintWriter out) {
    double total = r.generateSeconds() + r.featureSeconds() + r.distanceSeconds();
    out.printf(
        "FID of %,d generated samples through %s (%d-d), %d cores:%n",
        r.samples(), r.features(), r.dimension(), Runtime.getRuntime().availableProcessors());
    out.printf("  generating the samples       %7.2f s%n", r.generateSeconds());
    out.printf("  feature extraction           %7.2f s%n", r.featureSeconds());
    out.printf("  statistics and distance      %7.2f s%n", r.distanceSeconds());
    out.printf("  total per evaluation         %7.2f s%n", total);
    out.printf("  (real features, once per machine and then cached: %.2f s)%n", r.realSeconds());
    out.printf("At Inception's 2048 dimensions (stand-in features):%n");
    out.printf("  statistics and distance      %7.2f s per evaluation%n", r.inceptionSizeSeconds());
    out.printf(
        "  reference statistics         %7.2f s once per run (covariance and its square root)%n",
        r.inceptionReferenceSeconds());
    out.printf("FID of this generator: %.2f%n", r.fid());
    out.printf(
        "Sanity, same features and reference: held-out split %.2f, uniform noise %.2f%n",
        r.heldOutFid(), r.noiseFid());
    out.flush();
  }
}
