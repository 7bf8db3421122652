package org.nashlab.api;

/**
 * One logged value of a metric.
 *
 * @param step the training step it was logged at
 * @param value the value
 */
public record MetricPoint(long step, double value) {}
