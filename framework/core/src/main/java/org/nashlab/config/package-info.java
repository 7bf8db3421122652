/** Experiment YAML: loading, extends, overrides, safe interpolation, validation, resolution. */
package org.nashlab.config;
