package dev.polygraph.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.report.ScanReport;
import dev.polygraph.report.Suppression;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.scan.ScanOptions;
import dev.polygraph.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each form of suppression, through the whole pipeline on a real template. */
class SuppressionScanTest {

  @TempDir Path tmp;

  private ScanReport scan(String template) throws IOException {
    return scan(template, ScanOptions.defaults(tmp), List.of());
  }

  private ScanReport scan(String template, ScanOptions options, List<ExternalIgnore> ignores)
      throws IOException {
    Files.writeString(tmp.resolve("nodes.yaml"), template);
    return new Scanner(options).withIgnores(ignores).scan(List.of(tmp));
  }

  /** What a user sees: "line RULE message" of every finding that is not suppressed. */
  private static List<String> visible(ScanReport report) {
    return report.findings().stream()
        .filter(f -> !report.triage().suppressed(f))
        .map(f -> f.location().span().startLine() + " " + f.ruleId() + " " + f.message())
        .toList();
  }

  private static Map<String, Suppression> suppressed(ScanReport report) {
    java.util.Map<String, Suppression> out = new java.util.TreeMap<>();
    report.triage().suppressions()
        .forEach((f, s) -> out.put(f.location().span().startLine() + " " + f.ruleId(), s));
    return out;
  }

  private static Suppression inSource(String reason) {
    return new Suppression(Suppression.Kind.IN_SOURCE, reason);
  }

  @Test
  void withoutSuppressionTheTemplateFailsEks001AtLine29() throws IOException {
    ScanReport report = scan(Templates.lambdaTrust());
    assertEquals(1, visible(report).size());
    assertTrue(visible(report).get(0).startsWith("29 EKS001 "), visible(report).toString());
    assertEquals(Map.of(), suppressed(report));
  }

  @Test
  void aCommentOnTheFindingsLine() throws IOException {
    String t = Templates.appendToLine(Templates.lambdaTrust(), 29, "  # polygraph:ignore EKS001 nodes assume it through a broker");
    ScanReport report = scan(t);
    assertEquals(List.of(), visible(report));
    assertEquals(Map.of("29 EKS001", inSource("nodes assume it through a broker")), suppressed(report));
  }

  @Test
  void aCommentOnTheLineAbove() throws IOException {
    String t = Templates.insertBefore(Templates.lambdaTrust(), 29, "        # polygraph:ignore EKS001 reviewed\n");
    ScanReport report = scan(t);
    assertEquals(List.of(), visible(report));
    assertEquals(Map.of("30 EKS001", inSource("reviewed")), suppressed(report));
  }

  @Test
  void aCommentAboveTheResource() throws IOException {
    String t = Templates.insertBefore(Templates.lambdaTrust(), 25, "  # polygraph:ignore EKS001 reviewed\n");
    ScanReport report = scan(t);
    assertEquals(List.of(), visible(report));
    assertEquals(Map.of("30 EKS001", inSource("reviewed")), suppressed(report));
  }

  @Test
  void aCommentAboveAnotherResourceSuppressesNothingAndIsANote() throws IOException {
    String t = Templates.insertBefore(Templates.lambdaTrust(), 7, "  # polygraph:ignore EKS001 reviewed\n");
    ScanReport report = scan(t);
    assertEquals(
        List.of("7 POLY003 The suppression of 'EKS001' suppresses nothing.", "30 EKS001 "
            + report.findings().get(1).message()),
        visible(report));
    Finding unused = report.findings().get(0);
    assertEquals(Level.NOTE, unused.level());
    assertEquals(3, unused.location().span().startColumn());
  }

  @Test
  void cloudFormationMetadataOnTheResource() throws IOException {
    String t =
        Templates.insertBefore(
            Templates.lambdaTrust(),
            27,
            "    Metadata:\n      polygraph:\n        ignore:\n          - id: EKS001\n            reason: reviewed\n");
    ScanReport report = scan(t);
    assertEquals(List.of(), visible(report));
    assertEquals(Map.of("34 EKS001", inSource("reviewed")), suppressed(report));
  }

  @Test
  void aConfigIgnoreEntryIsExternal() throws IOException {
    ScanReport report =
        scan(Templates.lambdaTrust(), ScanOptions.defaults(tmp),
            List.of(new ExternalIgnore("*.yaml", "EKS001", "tracked in JIRA-12")));
    assertEquals(List.of(), visible(report));
    assertEquals(
        Map.of("29 EKS001", new Suppression(Suppression.Kind.EXTERNAL, "tracked in JIRA-12")),
        suppressed(report));
    assertEquals(List.of(), report.notifications());
  }

  @Test
  void aConfigIgnoreEntryThatMatchesNothingIsANotification() throws IOException {
    ScanReport report =
        scan(Templates.lambdaTrust(), ScanOptions.defaults(tmp),
            List.of(new ExternalIgnore("legacy/*.yaml", "EKS001", "old")));
    assertEquals(1, visible(report).size());
    assertEquals(
        "The config's ignore entry for rule 'EKS001' and path 'legacy/*.yaml' suppresses nothing.",
        report.notifications().get(0).message());
  }

  @Test
  void aSuppressionWithoutReasonSuppressesAndWarns() throws IOException {
    String t = Templates.appendToLine(Templates.lambdaTrust(), 29, "  # polygraph:ignore EKS001");
    ScanReport report = scan(t);
    assertEquals(List.of("29 POLY002 The suppression of 'EKS001' gives no reason."), visible(report));
    assertEquals(Map.of("29 EKS001", inSource(null)), suppressed(report));
    Finding warning = report.findings().stream().filter(f -> f.ruleId().equals("POLY002")).findFirst().orElseThrow();
    assertEquals(Level.WARNING, warning.level());
    assertEquals(
        "say why the finding is acceptable after the rule id: polygraph:ignore EKS001 <reason>", warning.help());
  }

  @Test
  void aSuppressionOfAnUnknownRuleSaysSo() throws IOException {
    String t = Templates.appendToLine(Templates.lambdaTrust(), 29, "  # polygraph:ignore EKS999 typo");
    ScanReport report = scan(t);
    assertEquals(2, visible(report).size(), visible(report).toString());
    assertTrue(visible(report).get(0).startsWith("29 EKS001 "), visible(report).toString());
    assertEquals(
        "29 POLY003 The suppression of 'EKS999' suppresses nothing: no rule has that id.", visible(report).get(1));
  }

  @Test
  void suppressionsOfRulesThatDidNotRunAreNotJudged() throws IOException {
    String t = Templates.appendToLine(Templates.lambdaTrust(), 29, "  # polygraph:ignore EKS010 govcloud");
    ScanOptions skipEks010 =
        new ScanOptions(tmp, Set.of(), Set.of("EKS010"), dev.polygraph.rules.RuleSettings.DEFAULTS, Map.of(), List.of());
    ScanReport report = scan(t, skipEks010, List.of());
    assertEquals(List.of("EKS001"), visible(report).stream().map(v -> v.split(" ")[1]).toList());
  }

  @Test
  void theSuppressionRulesAreListedOnlyWhenTheyRun() throws IOException {
    List<String> all = scan(Templates.lambdaTrust()).rules().stream().map(RuleMeta::id).toList();
    assertTrue(all.containsAll(List.of("POLY002", "POLY003")), all.toString());
    ScanOptions skip =
        new ScanOptions(tmp, Set.of(), Set.of("POLY003"), dev.polygraph.rules.RuleSettings.DEFAULTS, Map.of(), List.of());
    String t = Templates.insertBefore(Templates.lambdaTrust(), 7, "  # polygraph:ignore EKS001 reviewed\n");
    ScanReport report = scan(t, skip, List.of());
    assertEquals(List.of("EKS001"), visible(report).stream().map(v -> v.split(" ")[1]).toList());
    assertTrue(report.rules().stream().noneMatch(m -> m.id().equals("POLY003")));
  }

  @Test
  void theConfigSetsTheLevelsOfTheSuppressionRules() throws IOException {
    String t = Templates.insertBefore(Templates.lambdaTrust(), 7, "  # polygraph:ignore EKS001 reviewed\n");
    var settings =
        new dev.polygraph.rules.RuleSettings(
            java.util.Optional.empty(), java.util.Optional.empty(), List.of(), Map.of("POLY003", Level.ERROR), false);
    ScanReport report = scan(t, new ScanOptions(tmp, Set.of(), Set.of(), settings, Map.of(), List.of()), List.of());
    Finding unused = report.findings().get(0);
    assertEquals("POLY003", unused.ruleId());
    assertEquals(Level.ERROR, unused.level());
  }
}
