package org.nashlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  @Test
  void theSameMasterSeedGivesTheSameStreams() {
    RandomStreams a = new RandomStreams(7);
    RandomStreams b = new RandomStreams(7);
    assertEquals(a.init.next(), b.init.next());
    assertEquals(a.data.nextLong(), b.data.nextLong());
    assertEquals(a.noise.nextGaussian(), b.noise.nextGaussian());
  }

  @Test
  void drawingFromOneStreamDoesNotShiftAnother() {
    RandomStreams a = new RandomStreams(7);
    RandomStreams b = new RandomStreams(7);
    for (int i = 0; i < 1000; i++) {
      a.data.nextLong();
    }
    assertEquals(a.noise.nextLong(), b.noise.nextLong());
  }

  @Test
  void streamsDifferFromEachOtherAndAcrossSeeds() {
    RandomStreams a = new RandomStreams(7);
    assertNotEquals(a.data.nextLong(), a.noise.nextLong());
    assertNotEquals(new RandomStreams(7).data.nextLong(), new RandomStreams(8).data.nextLong());
  }
}
