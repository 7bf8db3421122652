package org.nashlab.api;

/**
 * The network behind FID, KID, IS and precision/recall. The feature contract arrives with the
 * evaluation engine; until then feature networks can be registered and listed.
 */
public interface Features {}
