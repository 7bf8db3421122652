package org.nashlab.train;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's name, as a sweep records where a trial's process lives. */
public final class Hostname {
  private Hostname() {}

  public static String local() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return System.getenv().getOrDefault("HOSTNAME", "localhost");
    }
  }
}
