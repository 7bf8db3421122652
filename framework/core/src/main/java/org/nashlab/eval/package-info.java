/**
 * Evaluation: the metrics run on a schedule, the real reference samples and their cached features.
 */
package org.nashlab.eval;
