package org.nashlab.variant.seqgan;

import static org.nashlab.api.ParamChecks.fraction;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.nashlab.api.DataSource;
import org.nashlab.api.Dataset;
import org.nashlab.api.DatasetContext;
import org.nashlab.api.Default;
import org.nashlab.api.Doc;
import org.nashlab.api.EnvironmentException;

/**
 * A user's text file, one sequence per non-blank line (UTF-8), tokenised by characters or by
 * whitespace-separated words. The vocabulary is built from the whole file and logged with the run's
 * samples ({@code samples/vocabulary.txt}); lines are padded after an end token to one length.
 */
@Doc(
    "a text file, one sequence per line, tokenised by characters or words; a share held out for bleu")
public final class TextLinesDataset implements Dataset {
  public record Params(
      @Doc("the text file, UTF-8, one sequence per line") @Default("") String path,
      @Doc("characters or words (split on whitespace)") @Default("characters") String tokens,
      @Doc("tokens per sample with the end token; 0 is the longest line's, a longer line an error")
          @Default("0")
          int length,
      @Doc("share of the lines held out for nll-test and bleu, by a fixed shuffle") @Default("0.1")
          double heldOut) {
    public Params {
      if (!tokens.equals("characters") && !tokens.equals("words")) {
        throw new IllegalArgumentException(
            "tokens must be characters or words, got '" + tokens + "'");
      }
      if (length < 0 || length > OracleSequencesDataset.MAX_LENGTH) {
        throw new IllegalArgumentException(
            "length must be in [0, "
                + OracleSequencesDataset.MAX_LENGTH
                + "] (0 takes the longest line's; the generator's rollouts cost length^2 cells), got "
                + length);
      }
      fraction(heldOut, "held-out");
    }
  }

  private final Params params;

  public TextLinesDataset(Params params) {
    this.params = params;
  }

  @Override
  public List<String> problems() {
    if (params.path().isBlank()) {
      return List.of("path is empty; set it to a text file, one sequence per line");
    }
    Path file;
    try {
      file = Path.of(params.path());
    } catch (InvalidPathException e) {
      return List.of("path '" + params.path() + "' is not a valid path: " + e.getReason());
    }
    if (!Files.isRegularFile(file)) {
      return List.of("path '" + params.path() + "' is not a file");
    }
    if (!Files.isReadable(file)) {
      return List.of("path '" + params.path() + "' cannot be read");
    }
    return List.of();
  }

  @Override
  public DataSource open(DatasetContext context) {
    Path file = Path.of(params.path());
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new EnvironmentException(
          file + " is not UTF-8 text; convert it, for example with iconv");
    } catch (IOException e) {
      throw new EnvironmentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new TextLinesSource(
        TextCorpus.of(
            lines,
            params.tokens().equals("words"),
            params.length(),
            params.heldOut(),
            OracleSequencesDataset.MAX_LENGTH));
  }
}
