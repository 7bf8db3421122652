package org.nashlab.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nashlab.config.PluginChoice;

/**
 * A sweep file, read and checked.
 *
 * @param name the sweep's name: its MLflow experiment, the {@code nash.sweep} tag
 * @param file the sweep file
 * @param text the sweep file's text, kept as an artifact of the parent run
 * @param experiment the base experiment
 * @param grid dotted key to the values it takes, in the file's order; a value may be a whole
 *     subtree
 * @param random dotted key to the distribution it is drawn from
 * @param randomTrials how many random draws, each combined with every grid point and seed
 * @param randomSeed the seed of the random draws
 * @param seeds the training seeds every combination runs with
 * @param exclude combinations to leave out: each rule maps keys to values, and a trial matching all
 *     of a rule's pairs is dropped
 * @param executor where the trials run
 * @param metric the metric whose final value the summary reports
 * @param maxTrials the most trials the sweep may expand to
 * @param report the report written when the sweep ends: its {@code report:} section, or {@code
 *     reports/NAME.yaml} beside the sweep's folder
 */
public record SweepSpec(
    String name,
    Path file,
    String text,
    Path experiment,
    Map<String, List<Object>> grid,
    Map<String, Distribution> random,
    long randomTrials,
    long randomSeed,
    List<Long> seeds,
    List<Map<String, Object>> exclude,
    PluginChoice executor,
    String metric,
    long maxTrials,
    java.util.Optional<org.nashlab.report.ReportSpec> report) {}
