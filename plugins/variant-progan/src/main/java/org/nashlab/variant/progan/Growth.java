package org.nashlab.variant.progan;

import java.util.ArrayList;
import java.util.List;

/**
 * The growth schedule of the authors' {@code TrainingSchedule}: training starts at 4 x 4, and each
 * resolution is first faded in over {@code fadeImages} images, then trained alone for {@code
 * stabiliseImages}; the final resolution trains on until the end. Each phase lasts {@code
 * ceil(images / batch)} steps at its resolution's batch size (so a phase may show up to one batch
 * more than its images), and where a step falls depends only on its number: a resumed trial grows
 * exactly as one never interrupted.
 *
 * <p>The level of detail {@code lod} is the authors': {@code log2(final) - log2(resolution)} when
 * stable, falling linearly by one over a fade, during which the new resolution's block has weight
 * {@code alpha = 1 - frac(lod)}, rising from 0 at the fade's first step.
 */
final class Growth {
  private final int finalLevel;
  private final List<Phase> phases = new ArrayList<>();

  /**
   * @param finalLevel log2 of the final resolution, at least {@value Architecture#FIRST_LEVEL}
   * @param stabiliseImages real images each resolution trains alone, the last one excepted
   * @param fadeImages real images each resolution above the first fades in over
   * @param batches the minibatch at each resolution
   * @param batchSize the minibatch where {@code batches} names none
   */
  Growth(int finalLevel, long stabiliseImages, long fadeImages, BatchSizes batches, int batchSize) {
    this.finalLevel = finalLevel;
    for (int level = Architecture.FIRST_LEVEL; level <= finalLevel; level++) {
      int batch = batches.at(1 << level, batchSize);
      if (level > Architecture.FIRST_LEVEL) {
        add(new Phase(level, true, steps(fadeImages, batch), batch));
      }
      add(
          new Phase(
              level,
              false,
              level == finalLevel ? Long.MAX_VALUE : steps(stabiliseImages, batch),
              batch));
    }
  }

  private void add(Phase phase) {
    if (phase.steps() > 0) {
      phases.add(phase);
    }
  }

  private static long steps(long images, int batch) {
    return (images + batch - 1) / batch;
  }

  /** The steps before the final resolution trains alone: a trial needs more to grow fully. */
  long stepsToGrow() {
    return phases.stream().filter(p -> p.steps() != Long.MAX_VALUE).mapToLong(Phase::steps).sum();
  }

  /** Where step {@code number} (from 1) falls. */
  Point at(long number) {
    long offset = number - 1;
    long images = 0;
    for (Phase phase : phases) {
      if (offset < phase.steps()) {
        images += offset * phase.batch();
        float alpha = phase.fade() ? (float) ((double) offset / phase.steps()) : 1f;
        float lod = finalLevel - phase.level() + (phase.fade() ? 1 - alpha : 0);
        return new Point(1 << phase.level(), phase.fade(), alpha, lod, phase.batch(), images);
      }
      offset -= phase.steps();
      images += phase.steps() * phase.batch();
    }
    throw new IllegalArgumentException("step " + number + " is before the first");
  }

  /** One phase: a fade into {@code level}, or {@code level} trained alone. */
  private record Phase(int level, boolean fade, long steps, int batch) {}

  /**
   * One step's place in the schedule.
   *
   * @param resolution the side of the images the newest block makes
   * @param fade whether that block is fading in
   * @param alpha the newest block's weight: rising from 0 over a fade, 1 otherwise
   * @param lod the authors' level of detail, fed to the networks
   * @param batch the minibatch of this resolution
   * @param imagesBefore real images shown to D before this step
   */
  record Point(
      int resolution, boolean fade, float alpha, float lod, int batch, long imagesBefore) {}
}
