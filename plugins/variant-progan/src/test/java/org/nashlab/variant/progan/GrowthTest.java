package org.nashlab.variant.progan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The growth schedule against the phases written out by hand. */
class GrowthTest {
  /**
   * To 16 x 16: 100 images alone at each resolution, 60 fading in; batch 20 at 4 x 4, 10 above.
   * Steps: 4 x 4 alone 1-5, fade to 8 6-11, 8 alone 12-21, fade to 16 22-27, 16 alone from 28.
   */
  private final Growth growth = new Growth(4, 100, 60, BatchSizes.parse("4:20"), 10);

  private void assertPoint(
      long step, int resolution, double alpha, double lod, int batch, long images) {
    Growth.Point p = growth.at(step);
    assertEquals(resolution, p.resolution(), "resolution at step " + step);
    assertEquals(alpha, p.alpha(), 1e-6, "alpha at step " + step);
    assertEquals(lod, p.lod(), 1e-6, "lod at step " + step);
    assertEquals(batch, p.batch(), "batch at step " + step);
    assertEquals(images, p.imagesBefore(), "images before step " + step);
  }

  @Test
  void eachResolutionFadesInLinearlyThenTrainsAloneForItsImages() {
    assertPoint(1, 4, 1, 2, 20, 0);
    assertPoint(5, 4, 1, 2, 20, 80);
    for (int k = 0; k < 6; k++) {
      assertPoint(6 + k, 8, k / 6.0, 2 - k / 6.0, 10, 100 + 10L * k);
      assertTrue(growth.at(6 + k).fade());
    }
    assertPoint(12, 8, 1, 1, 10, 160);
    assertPoint(21, 8, 1, 1, 10, 250);
    assertPoint(22, 16, 0, 1, 10, 260);
    assertPoint(25, 16, 0.5, 0.5, 10, 290);
    assertPoint(27, 16, 5 / 6.0, 1 / 6.0, 10, 310);
    assertPoint(28, 16, 1, 0, 10, 320);
    assertPoint(1_000_000, 16, 1, 0, 10, 320 + 10L * (1_000_000 - 28));
    assertEquals(27, growth.stepsToGrow());
  }

  @Test
  void withoutFadesEachResolutionStartsAtFullWeight() {
    Growth jumps = new Growth(3, 40, 0, BatchSizes.parse(""), 10);
    assertEquals(1f, jumps.at(4).lod());
    assertEquals(8, jumps.at(5).resolution());
    assertEquals(1f, jumps.at(5).alpha());
    assertEquals(0f, jumps.at(5).lod());
    assertEquals(4, jumps.stepsToGrow());
  }

  @Test
  void batchSizesAreReadByResolutionAndBadEntriesNamed() {
    assertEquals(Map.of(4, 128, 32, 64), BatchSizes.parse(" 4:128,  32:64 ").byResolution());
    assertEquals(7, BatchSizes.parse("4:128").at(8, 7));
    for (String bad : new String[] {"4:0", "6:16", "2:16", "4", "4:x", "a:1:2"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> BatchSizes.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("batch-sizes: '" + bad + "'"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> BatchSizes.parse("4:1, 4:2"));
  }
}
