package org.nashlab.train;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nashlab.api.MixtureModes;

/** A scatter plot of generated 2-D points over the true modes, as PNG bytes. */
final class SamplePlot {
  private SamplePlot() {}

  static byte[] scatter(float[] xy, MixtureModes modes, String title) {
    XYChart chart =
        new XYChartBuilder()
            .width(640)
            .height(640)
            .title(title)
            .xAxisTitle("x")
            .yAxisTitle("y")
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    int n = xy.length / 2;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = xy[2 * i];
      y[i] = xy[2 * i + 1];
    }
    XYSeries generated = chart.addSeries("generated", x, y);
    generated.setMarker(SeriesMarkers.CIRCLE);
    generated.setMarkerColor(new Color(31, 119, 180, 110));
    if (modes != null) {
      List<double[]> centres = modes.modes();
      XYSeries real =
          chart.addSeries(
              "true modes",
              centres.stream().mapToDouble(c -> c[0]).toArray(),
              centres.stream().mapToDouble(c -> c[1]).toArray());
      real.setMarker(SeriesMarkers.DIAMOND);
      real.setMarkerColor(new Color(214, 39, 40));
      fitAxes(chart, centres, modes.std());
    }
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the sample plot", e);
    }
  }

  /** Frames the modes with a margin, so a collapsed or exploded generator is visible as such. */
  private static void fitAxes(XYChart chart, List<double[]> modes, double std) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] c : modes) {
      min = Math.min(min, Math.min(c[0], c[1]));
      max = Math.max(max, Math.max(c[0], c[1]));
    }
    double margin = Math.max(0.5 * (max - min), 10 * std);
    chart.getStyler().setXAxisMin(min - margin).setXAxisMax(max + margin);
    chart.getStyler().setYAxisMin(min - margin).setYAxisMax(max + margin);
  }
}
