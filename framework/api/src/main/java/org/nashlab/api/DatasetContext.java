package org.nashlab.api;

import java.nio.file.Path;

/**
 * Where datasets live on this machine.
 *
 * @param dataHome Nash's data folder, {@code ~/.nash/data} unless {@code NASH_HOME} says otherwise
 */
public record DatasetContext(Path dataHome) {}
