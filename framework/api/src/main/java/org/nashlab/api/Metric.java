package org.nashlab.api;

/**
 * A number computed at evaluation time. The evaluation contract arrives with the evaluation engine;
 * until then metrics can be registered and listed.
 */
public interface Metric {}
