/** The Slurm executor: a sweep's trials as one job array on a cluster, followed to their end. */
package org.nashlab.executors.slurm;
