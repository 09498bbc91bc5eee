package dev.polygraph.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.report.SampleReports;
import dev.polygraph.report.ScanReport;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SarifReporterTest {
  private static final String EKS003_FINGERPRINT =
      "f041a49fa6635bd3775f120f9efa8f694c5378f8270ea755504e8958cf6b4597";

  @Test
  void ruleIndexPointsIntoRulesInCatalogueOrder() throws IOException {
    JsonNode run = run(SampleReports.sample());
    List<String> ruleIds = new ArrayList<>();
    run.at("/tool/driver/rules").forEach(rule -> ruleIds.add(rule.get("id").asText()));
    assertEquals(List.of("EKS001", "EKS003", "EKS004", "EKS007", "POLY001"), ruleIds);

    List<String> results = new ArrayList<>();
    run.get("results")
        .forEach(r -> results.add(r.get("ruleId").asText() + "@" + r.get("ruleIndex").asInt()));
    assertEquals(List.of("POLY001@4", "EKS001@0", "EKS007@3", "EKS003@1", "EKS004@2"), results);
  }

  @Test
  void ruleCarriesItsMetadata() throws IOException {
    JsonNode rule = run(SampleReports.sample()).at("/tool/driver/rules/1");
    assertEquals("NodeRoleWorkerNodePermissions", rule.get("name").asText());
    assertEquals(
        "The node role has the permissions of AmazonEKSWorkerNodePolicy.",
        rule.at("/shortDescription/text").asText());
    assertEquals(rule.at("/help/text").asText(), rule.at("/help/markdown").asText());
    assertTrue(rule.at("/help/markdown").asText().startsWith("## NodeRoleWorkerNodePermissions\n"));
    assertEquals(
        "https://github.com/polygraph-dev/polygraph/blob/main/docs/rules/EKS003.md",
        rule.get("helpUri").asText());
    assertEquals("error", rule.at("/defaultConfiguration/level").asText());
    assertEquals("[\"security\",\"eks\"]", rule.at("/properties/tags").toString());
    assertEquals("7.5", rule.at("/properties/security-severity").asText());
    assertEquals("high", rule.at("/properties/precision").asText());
    // A rule without tags or severity has no such keys at all.
    JsonNode eks007 = run(SampleReports.sample()).at("/tool/driver/rules/3/properties");
    assertEquals("{\"precision\":\"medium\"}", eks007.toString());
  }

  @Test
  void malformedHelpUriLosesTheLinkNotTheReport() throws IOException {
    RuleMeta good = SampleReports.rules().get(0);
    RuleMeta bad =
        new RuleMeta(good.id(), good.slug(), good.name(), good.shortDescription(),
            good.fullDescription(), good.help(), "https://example.com/a rule", good.level(),
            good.securitySeverity(), good.precision(), good.tags(), good.formats(), good.parameters());
    JsonNode rule =
        run(new ScanReport("0.1.0", List.of(), List.of(bad), Map.of(), List.of(), 1, true, null))
            .at("/tool/driver/rules/0");
    assertEquals("EKS001", rule.get("id").asText());
    assertFalse(rule.has("helpUri"));
  }

  @Test
  void resultHasOnePhysicalAndOneLogicalLocation() throws IOException {
    JsonNode result = run(SampleReports.sample()).at("/results/1");
    assertEquals("fail", result.get("kind").asText());
    assertEquals("error", result.get("level").asText());
    assertEquals(1, result.get("locations").size());
    assertEquals(
        "{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"policies/node%20trust%20%C3%BC.json\","
            + "\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":4,\"startColumn\":21,"
            + "\"endLine\":4,\"endColumn\":63}},\"logicalLocations\":[{\"fullyQualifiedName\":"
            + "\"eks-node-role\",\"kind\":\"resource\"}]}",
        result.at("/locations/0").toString());
  }

  @Test
  void relatedLocationsAreNumberedFromOne() throws IOException {
    JsonNode related = run(SampleReports.sample()).at("/results/3/relatedLocations");
    assertEquals(2, related.size());
    assertEquals(1, related.at("/0/id").asInt());
    assertEquals("Node group 'Workers' runs as this role.", related.at("/0/message/text").asText());
    assertEquals("Workers", related.at("/0/logicalLocations/0/fullyQualifiedName").asText());
    assertEquals(2, related.at("/1/id").asInt());
    assertTrue(related.at("/1/message").isMissingNode());
    assertEquals(13, related.at("/1/physicalLocation/region/startLine").asInt());
    assertTrue(run(SampleReports.sample()).at("/results/0/relatedLocations").isMissingNode());
  }

  @Test
  void emptySpanStaysAnInsertionPoint() throws IOException {
    JsonNode region = run(SampleReports.sample()).at("/results/2/locations/0/physicalLocation/region");
    assertEquals("{\"startLine\":7,\"startColumn\":17,\"endLine\":7,\"endColumn\":17}", region.toString());
  }

  @Test
  void undecidedFindingIsAnOpenResultWithLevelNone() throws IOException {
    JsonNode result = run(SampleReports.sample()).at("/results/4");
    assertEquals("EKS004", result.get("ruleId").asText());
    assertEquals("open", result.get("kind").asText());
    assertEquals("none", result.get("level").asText());
  }

  @Test
  void fingerprintIsSha256OfTheFindingsFingerprint() throws IOException {
    JsonNode result = run(SampleReports.sample()).at("/results/3");
    assertEquals(
        "{\"polygraph/v1\":\"" + EKS003_FINGERPRINT + "\"}", result.get("partialFingerprints").toString());
  }

  @Test
  void movingTheFindingKeepsItsFingerprint() throws IOException {
    ScanReport sample = SampleReports.sample();
    Finding eks003 = sample.findings().get(3);
    Finding moved =
        new Finding(eks003.ruleId(), eks003.level(), eks003.kind(), eks003.message(),
            new Location(new Span(SampleReports.NODES, 30, 9, 30, 26), "NodeInstanceRole", null),
            eks003.related(), eks003.fingerprint(), eks003.help());
    JsonNode result =
        run(new ScanReport("0.1.0", List.of(moved), sample.rules(), Map.of(), List.of(), 1, true, null))
            .at("/results/0");
    assertEquals(30, result.at("/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals(EKS003_FINGERPRINT, result.at("/partialFingerprints/polygraph~1v1").asText());
  }

  @Test
  void scanRootBecomesTheSrcrootBase() throws IOException {
    JsonNode run = run(SampleReports.sample("file:///home/dev/my%20infra/"));
    assertEquals(
        "{\"%SRCROOT%\":{\"uri\":\"file:///home/dev/my%20infra/\"}}",
        run.get("originalUriBaseIds").toString());
    assertFalse(run(SampleReports.sample()).has("originalUriBaseIds"));
  }

  @Test
  void runDescribesTheInvocation() throws IOException {
    JsonNode run = run(SampleReports.sample());
    assertEquals("utf16CodeUnits", run.get("columnKind").asText());
    assertEquals("polygraph", run.at("/tool/driver/name").asText());
    assertEquals("0.1.0", run.at("/tool/driver/version").asText());
    assertEquals("https://github.com/polygraph-dev/polygraph", run.at("/tool/driver/informationUri").asText());
    JsonNode invocation = run.at("/invocations/0");
    assertTrue(invocation.get("executionSuccessful").asBoolean());
    assertEquals(
        "[{\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"data/account%20dump.json\","
            + "\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":1,\"startColumn\":1,\"endLine\":1,"
            + "\"endColumn\":1}}}],\"message\":{\"text\":\"Skipped a file larger than 5 MiB.\"},"
            + "\"level\":\"warning\"},{\"message\":{\"text\":\"Rule 'EKS010' is disabled by configuration.\"},"
            + "\"level\":\"note\"}]",
        invocation.get("toolExecutionNotifications").toString());
  }

  @Test
  void cleanRunStillHasAnEmptyResultsArray() throws IOException {
    JsonNode run = run(SampleReports.empty());
    assertEquals("[]", run.get("results").toString());
    assertEquals("{\"executionSuccessful\":true}", run.at("/invocations/0").toString());
    assertEquals(5, run.at("/tool/driver/rules").size());
  }

  @Test
  void failedRunSaysSo() throws IOException {
    ScanReport failed =
        new ScanReport("0.1.0", List.of(), List.of(), Map.of(),
            List.of(new dev.polygraph.report.Notification(Level.ERROR, "Rule 'EKS003' crashed.", null)),
            1, false, null);
    assertEquals(
        "{\"toolExecutionNotifications\":[{\"message\":{\"text\":\"Rule 'EKS003' crashed.\"},"
            + "\"level\":\"error\"}],\"executionSuccessful\":false}",
        run(failed).at("/invocations/0").toString());
  }

  @Test
  void sameReportGivesTheSameBytes() throws IOException {
    String first = write(SampleReports.sample("file:///r/"));
    assertEquals(first, write(SampleReports.sample("file:///r/")));
    SarifReporter reporter = new SarifReporter();
    StringWriter once = new StringWriter();
    StringWriter twice = new StringWriter();
    reporter.write(SampleReports.sample("file:///r/"), once);
    reporter.write(SampleReports.sample("file:///r/"), twice);
    assertEquals(first, once.toString());
    assertEquals(first, twice.toString(), "a reporter instance is reusable");
    assertTrue(first.endsWith("}\n"));
    assertFalse(first.contains("\r"));
    assertTrue(first.startsWith("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
        + "  \"version\": \"2.1.0\",\n"));
  }

  private static String write(ScanReport report) throws IOException {
    StringWriter out = new StringWriter();
    new SarifReporter().write(report, out);
    return out.toString();
  }

  private static JsonNode run(ScanReport report) throws IOException {
    JsonNode sarif = new ObjectMapper().readTree(write(report));
    assertEquals(1, sarif.get("runs").size());
    return sarif.at("/runs/0");
  }
}
