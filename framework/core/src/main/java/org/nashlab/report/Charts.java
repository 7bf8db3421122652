package org.nashlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nashlab.report.stats.ExpectedBest;

/** The report's charts, built with XChart: each a chart object the report saves. */
final class Charts {
  private static final int WIDTH = 760;
  private static final int HEIGHT = 420;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
  };

  private static final BasicStroke DASHED =
      new BasicStroke(
          1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f);

  private Charts() {}

  /** Each group's mean curve of {@code key} with its 95% band (dashed: the interval's ends). */
  static XYChart curves(String key, List<Group> groups) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(key + " by step")
            .xAxisTitle("step")
            .yAxisTitle(key)
            .build();
    style(chart.getStyler());
    for (int g = 0; g < groups.size(); g++) {
      CurveBand band = CurveBand.of(groups.get(g).runs(), key);
      if (band.steps().length == 0) {
        continue;
      }
      Color color = PALETTE[g % PALETTE.length];
      String label = groups.get(g).label();
      XYSeries mean = chart.addSeries(label, band.steps(), band.mean());
      mean.setLineColor(color);
      mean.setMarker(SeriesMarkers.NONE);
      for (double[] end : new double[][] {band.low(), band.high()}) {
        XYSeries edge =
            chart.addSeries(
                label + (end == band.low() ? " (95% low)" : " (95% high)"), band.steps(), end);
        edge.setLineColor(color);
        edge.setLineStyle(
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        edge.setMarker(SeriesMarkers.NONE);
        edge.setShowInLegend(false);
      }
    }
    return chart;
  }

  /** Each group's share of successful runs, with its failures named in the title. */
  static CategoryChart successes(List<Group> groups) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Runs that succeeded")
            .yAxisTitle("share of runs")
            .build();
    style(chart.getStyler());
    // With 3 runs the ticks fall on thirds, which XChart prints to 15 digits.
    chart.getStyler().setYAxisDecimalPattern("0.##");
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setLegendVisible(false);
    List<String> labels = groups.stream().map(Group::label).toList();
    List<Double> shares = new ArrayList<>();
    for (Group group : groups) {
      long ok = group.runs().stream().filter(r -> r.failure().isEmpty()).count();
      shares.add(group.runs().isEmpty() ? 0.0 : ok / (double) group.runs().size());
    }
    chart.addSeries("succeeded", labels, shares).setFillColor(PALETTE[2]);
    return chart;
  }

  /**
   * A performance profile (Dolan and Moré 2002, as rliable draws it): for each threshold, the share
   * of a group's runs whose value is at least as good.
   */
  static XYChart profile(MetricSpec metric, Map<Group, double[]> values) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Performance profile: " + metric.label())
            .xAxisTitle(
                metric.label() + (metric.reducedHigherIsBetter() ? " at least" : " at most"))
            .yAxisTitle("share of runs")
            .build();
    style(chart.getStyler());
    // With 3 runs the ticks fall on thirds, which XChart prints to 15 digits.
    chart.getStyler().setYAxisDecimalPattern("0.##");
    double[] all = values.values().stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    if (all.length == 0) {
      return chart;
    }
    int g = 0;
    for (var e : values.entrySet()) {
      double[] mine = e.getValue();
      double[] share = new double[all.length];
      for (int i = 0; i < all.length; i++) {
        double tau = all[i];
        long good =
            Arrays.stream(mine)
                .filter(v -> metric.reducedHigherIsBetter() ? v >= tau : v <= tau)
                .count();
        share[i] = mine.length == 0 ? 0 : good / (double) mine.length;
      }
      XYSeries series = chart.addSeries(e.getKey().label(), all, share);
      series.setLineColor(PALETTE[g++ % PALETTE.length]);
      series.setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  /**
   * Each group's difference from the baseline with its 95% interval, one vertical segment per group
   * at its index, the point estimate marked.
   */
  static XYChart intervals(
      MetricSpec metric, List<String> labels, double[] estimate, double[] low, double[] high) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Difference from the baseline: " + metric.label())
            .yAxisTitle("group - baseline")
            .build();
    style(chart.getStyler());
    chart.getStyler().setXAxisMin(-0.5).setXAxisMax(labels.size() - 0.5);
    chart.getStyler().setXAxisTicksVisible(false);
    for (int i = 0; i < labels.size(); i++) {
      XYSeries segment =
          chart.addSeries(labels.get(i), new double[] {i, i}, new double[] {low[i], high[i]});
      segment.setLineColor(PALETTE[(i + 1) % PALETTE.length]);
      segment.setLineStyle(new BasicStroke(3f));
      segment.setMarker(SeriesMarkers.NONE);
      XYSeries point =
          chart.addSeries(
              labels.get(i) + " (estimate)", new double[] {i}, new double[] {estimate[i]});
      point.setMarker(SeriesMarkers.DIAMOND);
      point.setMarkerColor(Color.BLACK);
      point.setShowInLegend(false);
    }
    XYSeries zero =
        chart.addSeries("zero", new double[] {-0.5, labels.size() - 0.5}, new double[] {0, 0});
    zero.setLineColor(Color.GRAY);
    zero.setMarker(SeriesMarkers.NONE);
    zero.setShowInLegend(false);
    return chart;
  }

  /** The expected best value over k trials, for k = 1..n, with its 95% band (Lucic et al. 2018). */
  static XYChart budget(MetricSpec metric, Map<Group, ExpectedBest> curves) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Expected best " + metric.label() + " by number of trials")
            .xAxisTitle("trials")
            .yAxisTitle("expected best")
            .build();
    style(chart.getStyler());
    int g = 0;
    for (var e : curves.entrySet()) {
      List<ExpectedBest.Point> points = e.getValue().curve();
      double[] k = points.stream().mapToDouble(ExpectedBest.Point::trials).toArray();
      Color color = PALETTE[g++ % PALETTE.length];
      XYSeries mean =
          chart.addSeries(
              e.getKey().label(),
              k,
              points.stream().mapToDouble(ExpectedBest.Point::expected).toArray());
      mean.setLineColor(color);
      mean.setMarkerColor(color);
      double[][] ends = {
        points.stream().mapToDouble(p -> p.band().low()).toArray(),
        points.stream().mapToDouble(p -> p.band().high()).toArray()
      };
      for (int end = 0; end < 2; end++) {
        if (java.util.Arrays.stream(ends[end]).anyMatch(Double::isNaN)) {
          continue;
        }
        XYSeries edge = chart.addSeries(e.getKey().label() + " band " + end, k, ends[end]);
        edge.setLineColor(color);
        edge.setLineStyle(DASHED);
        edge.setMarker(SeriesMarkers.NONE);
        edge.setShowInLegend(false);
      }
    }
    return chart;
  }

  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendBorderColor(Color.WHITE);
  }
}
