package org.nashlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nashlab.config.InvalidConfigException;

class ReportTest {
  private static List<ReportRun> runs(String technique, double... finals) {
    List<ReportRun> runs = new ArrayList<>();
    for (int i = 0; i < finals.length; i++) {
      runs.add(ReportFixtures.run(technique, i + 1, finals[i], Optional.empty(), Optional.empty()));
    }
    return runs;
  }

  private static Report report(List<ReportRun> runs, Map<String, String> baseline) {
    ReportSpec spec = ReportFixtures.spec(baseline);
    Grouping.Groups groups = Grouping.of(spec, runs);
    return ReportBuilder.build(
        spec, groups, FeatureNetworks.check(spec, groups.groups()), Map.of(), Map.of());
  }

  @Test
  void theBaselineComesFirstAndEveryOtherGroupIsComparedWithIt() {
    List<ReportRun> all = new ArrayList<>(runs("plain", 1, 2, 1, 2, 1));
    all.addAll(runs("minibatch-stddev", 8, 8, 7, 8, 8));
    Report report = report(all, Map.of("technique", "plain"));
    MetricResult modes = report.metrics().get(0);
    assertEquals("technique=plain", modes.groups().get(0).group().label());
    assertTrue(modes.groups().get(0).comparison().isEmpty());
    var vs = modes.groups().get(1).comparison().orElseThrow();
    assertEquals(7.8 - 1.4, vs.difference().value(), 1e-9);
    assertTrue(vs.verdict().startsWith("better than baseline"), vs.verdict());
  }

  @Test
  void failedRunsAreCountedAndOnlyCollapsedOnesKeepTheirValues() {
    List<ReportRun> all = new ArrayList<>(runs("plain", 1, 2));
    all.add(ReportFixtures.run("plain", 3, 0, Optional.of("collapsed"), Optional.empty()));
    all.add(ReportFixtures.run("plain", 4, 5, Optional.of("diverged"), Optional.empty()));
    GroupResult plain = report(all, Map.of()).metrics().get(0).groups().get(0);
    assertEquals(4, plain.group().runs().size());
    assertEquals(2, plain.success().successes());
    assertEquals(2, plain.success().failures());
    assertEquals(3, plain.values().length, "the diverged run has no value, the collapsed one has");
  }

  @Test
  void runsSeenThroughDifferentFeatureNetworksAreNotCompared() {
    List<ReportRun> all = new ArrayList<>();
    all.add(ReportFixtures.run("a", 1, 1, Optional.empty(), Optional.of("trained-classifier-1")));
    all.add(ReportFixtures.run("b", 1, 1, Optional.empty(), Optional.of("inception-2")));
    var e = assertThrows(InvalidConfigException.class, () -> report(all, Map.of()));
    assertTrue(
        e.getMessage().contains("trained-classifier-1: [technique=a]; inception-2: [technique=b]"),
        e.getMessage());
  }

  @Test
  void aReevaluationThroughAnotherNetworkLeavesTheRunsOwnNamespaceComparable() {
    List<ReportRun> all = new ArrayList<>();
    for (String technique : List.of("a", "b")) {
      ReportRun plain = ReportFixtures.run(technique, 1, 1, Optional.empty(), Optional.of("tc-1"));
      all.add(
          new ReportRun(
              plain.id(),
              plain.url(),
              plain.sweep(),
              plain.factors(),
              plain.seed(),
              plain.failure(),
              Map.of("eval", "tc-1", "eval-inception-graphdef", "inception-" + technique),
              plain.curves()));
    }
    assertEquals(Optional.of("tc-1"), report(all, Map.of()).features());
  }

  @Test
  void aBaselineThatNamesNoGroupListsTheGroups() {
    var e =
        assertThrows(
            InvalidConfigException.class,
            () -> report(runs("plain", 1, 2), Map.of("technique", "r1")));
    assertTrue(e.getMessage().contains("the groups are [technique=plain]"), e.getMessage());
  }

  @Test
  void userTextIsEscapedInThePageAndTheMarkdown() {
    List<ReportRun> all = new ArrayList<>(runs("<script>alert(1)</script>|x", 1, 2));
    Report report = report(all, Map.of());
    String page = HtmlReport.of(report, Map.of());
    assertFalse(page.contains("<script>alert"), "no user text becomes markup");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;|x"));
    String md = MarkdownReport.of(report);
    assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|x"), md);
  }
}
