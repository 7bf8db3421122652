package org.nashlab.api;

/**
 * Where a sweep's trials run. The executor contract arrives with sweeps; until then executors can
 * be registered and listed.
 */
public interface Executor {}
