package org.nashlab.variant.seqgan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A text's lines as token sequences: each non-blank line is split into characters or words
 * separated by any Unicode white space, ids given by a vocabulary built from the whole file (id 0
 * is the end token {@value #END}, then the tokens from most to least frequent, ties in Java's
 * string order, by UTF-16 code units), and padded after its end token to one length. A fixed
 * shuffle puts a share of the lines into the held-out set.
 */
final class TextCorpus {
  static final String END = "<eos>";
  static final int END_ID = 0;
  static final int MAX_VOCABULARY = 65_536;

  /** The shuffle that splits lines into training and held-out sets: the same on every run. */
  private static final long SPLIT_SEED = 0x7E47L;

  private final List<String> vocabulary;
  private final boolean words;
  private final SequenceSet sequences;

  private TextCorpus(List<String> vocabulary, boolean words, SequenceSet sequences) {
    this.vocabulary = vocabulary;
    this.words = words;
    this.sequences = sequences;
  }

  /**
   * @param lines the file's lines
   * @param words split on whitespace, else into characters
   * @param length tokens per sample, the end token included; 0 for the longest line's
   * @param heldOut the share of lines kept out of training
   * @throws IllegalArgumentException naming the line when one does not fit the length
   */
  static TextCorpus of(
      List<String> lines, boolean words, int length, double heldOut, int maxLength) {
    List<String[]> tokenised = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty()) {
        String[] tokens =
            words
                ? Arrays.stream(line.split("(?U)\\s+"))
                    .filter(t -> !t.isEmpty())
                    .toArray(String[]::new)
                : line.codePoints().mapToObj(Character::toString).toArray(String[]::new);
        if (Arrays.asList(tokens).contains(END)) {
          throw new IllegalArgumentException(
              "path: line "
                  + (i + 1)
                  + " has the word "
                  + END
                  + ", which stands for the end of every sequence; remove it or tokenise by"
                  + " characters");
        }
        if (tokens.length > 0) {
          tokenised.add(tokens);
          lineNumbers.add(i + 1);
        }
      }
    }
    if (tokenised.size() < 2) {
      throw new IllegalArgumentException(
          "path: the file has "
              + tokenised.size()
              + " non-blank lines; it needs at least 2, one to train on and one to hold out");
    }
    int longest = tokenised.stream().mapToInt(t -> t.length).max().orElseThrow();
    int sampleLength = length == 0 ? longest + 1 : length;
    for (int i = 0; i < tokenised.size(); i++) {
      int needs = tokenised.get(i).length + 1;
      if (needs > sampleLength || needs > maxLength) {
        throw new IllegalArgumentException(
            (length == 0 ? "path" : "length")
                + ": line "
                + lineNumbers.get(i)
                + " has "
                + (needs - 1)
                + " tokens, which with the end token need length "
                + needs
                + (needs > maxLength
                    ? ", above the most a sequence may have, "
                        + maxLength
                        + "; shorten or split the line"
                    : "; set length to at least " + needs + " or shorten the line"));
      }
    }
    List<String> vocabulary = vocabulary(tokenised);
    if (vocabulary.size() > MAX_VOCABULARY) {
      throw new IllegalArgumentException(
          "path: the file has "
              + (vocabulary.size() - 1)
              + " distinct tokens; at most "
              + (MAX_VOCABULARY - 1)
              + " fit (BLEU keys n-grams by 16-bit ids)");
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int v = 0; v < vocabulary.size(); v++) {
      ids.put(vocabulary.get(v), v);
    }
    int[][] rows = new int[tokenised.size()][];
    for (int i = 0; i < rows.length; i++) {
      String[] tokens = tokenised.get(i);
      rows[i] = new int[sampleLength]; // END_ID after the content
      for (int t = 0; t < tokens.length; t++) {
        rows[i][t] = ids.get(tokens[t]);
      }
    }
    int[] order = shuffled(rows.length);
    int held = Math.min(rows.length - 1, (int) Math.round(heldOut * rows.length));
    int[][] test = new int[held][];
    int[][] train = new int[rows.length - held][];
    for (int i = 0; i < rows.length; i++) {
      if (i < held) {
        test[i] = rows[order[i]];
      } else {
        train[i - held] = rows[order[i]];
      }
    }
    return new TextCorpus(vocabulary, words, new SequenceSet(train, test, sampleLength));
  }

  private static List<String> vocabulary(List<String[]> lines) {
    Map<String, Integer> counts = new HashMap<>();
    for (String[] line : lines) {
      for (String token : line) {
        counts.merge(token, 1, Integer::sum);
      }
    }
    List<String> vocabulary = new ArrayList<>();
    vocabulary.add(END);
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
        .forEach(e -> vocabulary.add(e.getKey()));
    return List.copyOf(vocabulary);
  }

  private static int[] shuffled(int n) {
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    SplittableRandom random = new SplittableRandom(SPLIT_SEED);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  List<String> vocabulary() {
    return vocabulary;
  }

  SequenceSet sequences() {
    return sequences;
  }

  /** The tokens before the first end token. */
  int contentLength(int[] sample) {
    for (int t = 0; t < sample.length; t++) {
      if (sample[t] == END_ID) {
        return t;
      }
    }
    return sample.length;
  }

  /** The content of {@code sample} as text: characters side by side, words with spaces. */
  String decode(int[] sample) {
    StringBuilder text = new StringBuilder();
    int end = contentLength(sample);
    for (int t = 0; t < end; t++) {
      if (words && t > 0) {
        text.append(' ');
      }
      text.append(vocabulary.get(sample[t]));
    }
    return text.toString();
  }
}
