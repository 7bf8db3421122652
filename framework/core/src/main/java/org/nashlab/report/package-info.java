/**
 * Reports over sweeps: runs read back from the tracker, grouped by their factors, each metric's
 * curve reduced to one number per run, statistics per group and against a baseline, and the report
 * written as HTML, Markdown, CSV, JSON and charts.
 */
package org.nashlab.report;
