package org.nashlab.track;

/**
 * MLflow's keys of params, tags and metrics take letters, digits, {@code _ - . /} and spaces; a key
 * Nash makes from user text (a jar's file name, a group's label) has every other character as
 * {@code _}.
 */
public final class MlflowKeys {
  private MlflowKeys() {}

  public static String safe(String text) {
    return text.replaceAll("[^\\w.\\- /]", "_");
  }
}
