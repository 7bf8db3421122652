/**
 * The statistics of a report: a group's summary with bootstrap intervals, success rates,
 * comparisons against a baseline with tests and a verdict, and expected-best budget curves. Pure
 * computation on arrays of per-run values; no I/O.
 */
package org.nashlab.report.stats;
