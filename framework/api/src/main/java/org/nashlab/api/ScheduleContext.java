package org.nashlab.api;

/**
 * Where training stands before a generator update.
 *
 * @param generatorStep generator updates done so far (0 before the first)
 * @param discriminatorUpdates the number of D updates decided so far ({@code training.d-steps}, or
 *     an earlier schedule's decision)
 * @param discriminatorLoss D's loss on the most recent batch it saw, {@code NaN} before the first
 */
public record ScheduleContext(
    long generatorStep, int discriminatorUpdates, double discriminatorLoss) {}
