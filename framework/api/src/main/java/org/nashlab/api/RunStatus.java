package org.nashlab.api;

/** How a run ended. */
public enum RunStatus {
  FINISHED,
  FAILED,
  KILLED
}
