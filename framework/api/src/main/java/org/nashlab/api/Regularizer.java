package org.nashlab.api;

/**
 * A stability technique hooked into the training program. Techniques implement only the capability
 * interfaces they need (loss terms, constraints, reparametrisations, input transforms, schedules);
 * this marker is what the registry binds.
 */
public interface Regularizer {}
