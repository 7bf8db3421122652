package org.nashlab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Writes a chart as PNG and SVG into a report's folder; the page embeds the PNG. */
final class ChartFiles {
  private final Path folder;

  ChartFiles(Path folder) {
    this.folder = folder;
  }

  /**
   * Saves {@code chart} as {@code NAME.png} and {@code NAME.svg}.
   *
   * @return the PNG as a {@code data:} URI, for a page that stands alone
   */
  String save(Chart<?, ?> chart, String name) {
    try {
      Files.createDirectories(folder);
      Path png = folder.resolve(name + ".png");
      BitmapEncoder.saveBitmapWithDPI(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG, 110);
      VectorGraphicsEncoder.saveVectorGraphic(
          chart, folder.resolve(name).toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the chart " + name + " in " + folder, e);
    }
  }
}
