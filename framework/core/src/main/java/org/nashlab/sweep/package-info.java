/** Sweeps: expansion into trials, trial keys, resume from MLflow, running trials on executors. */
package org.nashlab.sweep;
