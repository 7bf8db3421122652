package org.nashlab.report;

/**
 * User text made safe where it lands: a Markdown table cell (a pipe or a line break cannot break
 * the row), HTML text, and HTML attribute values. The sweep's tables and every report output escape
 * through here.
 */
public final class Escaping {
  private Escaping() {}

  /** A Markdown table cell: backslashes and pipes escaped, line breaks shown as {@code \n}. */
  public static String markdownCell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "\\r").replace("\n", "\\n");
  }

  /** Text in HTML, or in Markdown that renders HTML: {@code & < >} as entities. */
  public static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** An HTML attribute value in quotes, or text: quotes escaped too; null as empty. */
  public static String htmlAttribute(String text) {
    return text == null ? "" : html(text).replace("\"", "&quot;").replace("'", "&#39;");
  }
}
