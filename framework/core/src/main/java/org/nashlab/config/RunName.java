package org.nashlab.config;

import java.util.Optional;
import java.util.regex.Pattern;
import org.nashlab.plugin.UserText;

/**
 * The rule for the names of experiments and sweeps, which become MLflow experiment names and folder
 * names under {@code NASH_HOME}: 1 to 100 letters, digits, '.', '_' and '-', starting with a letter
 * or a digit.
 */
public final class RunName {
  static final int LONGEST = 100;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private RunName() {}

  /** What is wrong with {@code name}, if anything. */
  public static Optional<String> problem(String name) {
    if (name.length() > LONGEST) {
      return Optional.of("is " + name.length() + " characters long; a name has at most " + LONGEST);
    }
    if (!ALLOWED.matcher(name).matches()) {
      return Optional.of(
          UserText.quoted(name)
              + " is not a name: use letters, digits, '.', '_' and '-', starting with a letter"
              + " or a digit");
    }
    return Optional.empty();
  }
}
