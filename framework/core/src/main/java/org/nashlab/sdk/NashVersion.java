package org.nashlab.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build of Nash, as a plugin project's pom names it. */
public final class NashVersion {
  private static final String RESOURCE = "nash-version.properties";

  private NashVersion() {}

  /** The version, such as {@code 0.2.0}: the one {@code nash sdk install} installs. */
  public static String current() {
    try (InputStream in = NashVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from nash-core's resources");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
