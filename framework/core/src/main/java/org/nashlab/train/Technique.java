package org.nashlab.train;

import org.nashlab.api.Regularizer;

/**
 * A regularizer as the experiment named it, for scalar keys such as {@code reg/NAME/d}.
 *
 * @param name the plugin name, suffixed with its position when a technique appears twice
 * @param regularizer the plugin
 */
record Technique(String name, Regularizer regularizer) {}
