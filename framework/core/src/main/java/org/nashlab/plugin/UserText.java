package org.nashlab.plugin;

/**
 * A value the user wrote, as it may appear in a message: quoted, control characters escaped, and
 * cut short when long, so that no value can break a line of output or flood it.
 */
public final class UserText {
  private static final int LONGEST = 80;

  private UserText() {}

  public static String quoted(String text) {
    StringBuilder shown = new StringBuilder("'");
    int end = Math.min(text.length(), LONGEST);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        shown.append(String.format("\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    shown.append('\'');
    if (text.length() > LONGEST) {
      shown.append("... (").append(text.length()).append(" characters)");
    }
    return shown.toString();
  }
}
