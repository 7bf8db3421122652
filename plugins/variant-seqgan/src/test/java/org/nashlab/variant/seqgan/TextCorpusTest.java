package org.nashlab.variant.seqgan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text's lines as token sequences. */
class TextCorpusTest {
  @Test
  void wordsGetIdsByFrequencyAfterTheEndTokenAndDecodeBack() {
    TextCorpus corpus =
        TextCorpus.of(List.of("the cat sat", "", "the dog", "a cat"), true, 0, 0.0, 200);
    assertEquals(List.of("<eos>", "cat", "the", "a", "dog", "sat"), corpus.vocabulary());
    int[] first = corpus.sequences().train()[0];
    assertEquals(4, first.length, "the longest line's 3 tokens and the end token");
    List<String> decoded = new ArrayList<>();
    for (int[] row : corpus.sequences().train()) {
      decoded.add(corpus.decode(row));
      assertEquals(TextCorpus.END_ID, row[row.length - 1], "padded with the end token");
    }
    assertEquals(List.of("a cat", "the cat sat", "the dog"), decoded.stream().sorted().toList());
  }

  @Test
  void charactersSplitEveryCodePointAndAShareIsHeldOut() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add("ab" + i);
    }
    TextCorpus corpus = TextCorpus.of(lines, false, 6, 0.25, 200);
    assertEquals(5, corpus.sequences().heldOut().length);
    assertEquals(15, corpus.sequences().train().length);
    int[] row = corpus.sequences().heldOut()[0];
    assertEquals(6, row.length);
    String text = corpus.decode(row);
    assertTrue(text.startsWith("ab"), text);
    assertEquals(text.length(), corpus.contentLength(row));
    assertArrayEquals(
        TextCorpus.of(lines, false, 6, 0.25, 200).sequences().heldOut()[0], row, "a fixed split");
  }

  @Test
  void aLineLongerThanTheLengthIsAnErrorNamingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TextCorpus.of(List.of("ab", "abcdef", "a"), false, 4, 0.1, 200));
    assertEquals(
        "length: line 2 has 6 tokens, which with the end token need length 7; set length to at"
            + " least 7 or shorten the line",
        e.getMessage());
  }

  @Test
  void wordsSplitOnEveryUnicodeSpace() {
    // A no-break space, an ideographic space and an em space, before, between and after words.
    TextCorpus corpus =
        TextCorpus.of(List.of("\u00A0cat\u3000sat\u2003on", "cat on"), true, 0, 0.0, 200);
    assertEquals(List.of("<eos>", "cat", "on", "sat"), corpus.vocabulary());
    assertEquals(4, corpus.sequences().train()[0].length, "3 words and the end token");
  }

  @Test
  void theEndTokenAsAWordIsAnErrorNamingTheLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TextCorpus.of(List.of("a b", "c <eos> d"), true, 0, 0.0, 200));
    assertEquals(
        "path: line 2 has the word <eos>, which stands for the end of every sequence; remove it or"
            + " tokenise by characters",
        e.getMessage());
  }
}
