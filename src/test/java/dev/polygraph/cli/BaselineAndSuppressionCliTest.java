package dev.polygraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --baseline} and suppressions as users meet them: exit codes, text and SARIF. */
class BaselineAndSuppressionCliTest {

  @TempDir Path tmp;

  private static String template(String fixture) throws IOException {
    return Files.readString(Path.of(fixture)).replaceAll("(?m)\\s+# expect:.*$", "");
  }

  private Path write(String text) throws IOException {
    Path file = tmp.resolve("nodes.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static JsonNode results(Path sarif) throws IOException {
    return new ObjectMapper().readTree(sarif.toFile()).path("runs").path(0).path("results");
  }

  private static List<String> states(JsonNode results) {
    List<String> out = new ArrayList<>();
    results.forEach(r -> out.add(r.path("ruleId").asText() + " " + r.path("baselineState").asText()));
    return out;
  }

  /** ClusterRole (lines 7-18) of EKS001's Lambda case moved after the last resource, 38 lines down. */
  private static String moveClusterRoleToTheEnd(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    List<String> block = new ArrayList<>(lines.subList(6, 18));
    lines.subList(6, 18).clear();
    lines.addAll(lines.size() - 1, block);
    return String.join("\n", lines);
  }

  @Test
  void aBaselineRunAfterAMoveCountsNothingAndANewDefectIsTheOnlyNewResult() throws IOException {
    String original = template("fixtures/EKS001/cfn/bad-trusts-lambda.yaml");
    Path file = write(original);
    Path base = tmp.resolve("base.sarif");
    MainTest.Run first = MainTest.run("scan", "-f", "sarif", "-o", base.toString(), file.toString());
    assertEquals(1, first.code(), first.err());

    String moved = moveClusterRoleToTheEnd(original);
    assertTrue(moved.contains("        MaxSize: 3\n  ClusterRole:\n"), moved);
    write(moved);
    Path again = tmp.resolve("again.sarif");
    MainTest.Run second =
        MainTest.run("scan", "--baseline", base.toString(), "-f", "sarif", "-o", again.toString(), file.toString());
    assertEquals(0, second.code(), second.err());
    assertEquals(List.of("EKS001 unchanged"), states(results(again)));
    assertEquals(17, results(again).path(0).path("locations").path(0).path("physicalLocation")
        .path("region").path("startLine").asInt());

    // A new defect: the node group's role loses ECR pull permissions.
    write(moved.replace(
        "        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly\n", ""));
    Path third = tmp.resolve("third.sarif");
    MainTest.Run run3 =
        MainTest.run("scan", "--baseline", base.toString(), "-f", "sarif", "-o", third.toString(), file.toString());
    assertEquals(1, run3.code(), run3.err());
    assertEquals(List.of("EKS001 unchanged", "EKS004 new"), states(results(third)));

    MainTest.Run text = MainTest.run("scan", "--baseline", base.toString(), file.toString());
    assertEquals(1, text.code());
    assertTrue(text.out().contains(": error EKS001 [unchanged] Node role 'NodeRole'"), text.out());
    assertTrue(text.out().contains(": error EKS004 [new] "), text.out());
    assertTrue(
        text.out().strip().endsWith("2 errors in 1 file (baseline: 1 new, 1 unchanged, 0 updated, 0 absent)"),
        text.out());
  }

  @Test
  void aFixedFindingIsReportedAbsentAndNotCounted() throws IOException {
    String original = template("fixtures/EKS001/cfn/bad-trusts-lambda.yaml");
    Path file = write(original);
    Path base = tmp.resolve("base.sarif");
    assertEquals(1, MainTest.run("scan", "-f", "sarif", "-o", base.toString(), file.toString()).code());

    write(original.replace("Service: lambda.amazonaws.com", "Service: ec2.amazonaws.com"));
    Path after = tmp.resolve("after.sarif");
    MainTest.Run run =
        MainTest.run("scan", "--baseline", base.toString(), "-f", "sarif", "-o", after.toString(), file.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode results = results(after);
    assertEquals(List.of("EKS001 absent"), states(results));
    assertEquals("error", results.path(0).path("level").asText());
    assertEquals(29, results.path(0).path("locations").path(0).path("physicalLocation")
        .path("region").path("startLine").asInt());

    MainTest.Run text = MainTest.run("scan", "--baseline", base.toString(), file.toString());
    assertEquals(0, text.code());
    assertTrue(text.out().contains(":29:9: error EKS001 [absent] Node role 'NodeRole'"), text.out());
    assertTrue(
        text.out().strip().endsWith("no problems in 1 file (baseline: 0 new, 0 unchanged, 0 updated, 1 absent)"),
        text.out());
  }

  @Test
  void anotherProducersSarifIsReadAndItsResultsWithoutOurFingerprintAreLeftOut() throws IOException {
    Path file = write(template("fixtures/EKS001/cfn/bad-trusts-lambda.yaml"));
    Path foreign = tmp.resolve("foreign.sarif");
    Files.writeString(foreign, "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"cfn-lint\"}},"
        + "\"results\":[{\"ruleId\":\"E3012\",\"message\":{\"text\":\"x\"},"
        + "\"partialFingerprints\":{\"primaryLocationLineHash\":\"abc\"}}]}]}");
    MainTest.Run run = MainTest.run("scan", "--baseline", foreign.toString(), file.toString());
    assertEquals(1, run.code(), run.err());
    assertTrue(run.out().contains("error EKS001 [new] "), run.out());
    assertTrue(run.out().contains("polygraph: warning: 1 result(s) of the baseline " + foreign
        + " have no 'polygraph/v1' fingerprint and cannot be matched; they are left out."), run.out());
  }

  @Test
  void anUnreadableBaselineIsAUsageError() throws IOException {
    Path file = write(template("fixtures/EKS001/cfn/bad-trusts-lambda.yaml"));
    Path notJson = tmp.resolve("bad.sarif");
    Files.writeString(notJson, "{\"runs\": [");
    MainTest.Run broken = MainTest.run("scan", "--baseline", notJson.toString(), file.toString());
    assertEquals(2, broken.code());
    assertTrue(broken.err().startsWith("polygraph: invalid baseline: " + notJson + ": not valid JSON"), broken.err());
    Files.writeString(notJson, "{\"version\": \"2.1.0\"}");
    MainTest.Run notSarif = MainTest.run("scan", "--baseline", notJson.toString(), file.toString());
    assertEquals(2, notSarif.code());
    assertEquals("polygraph: invalid baseline: " + notJson + ": not a SARIF log (no 'runs' array)\n",
        notSarif.err());
    MainTest.Run missing = MainTest.run("scan", "--baseline", tmp.resolve("none.sarif").toString(), file.toString());
    assertEquals(2, missing.code());
  }

  @Test
  void aSuppressedErrorIsHiddenFromTextKeptInSarifAndDoesNotCount() throws IOException {
    String text = template("fixtures/EKS001/cfn/bad-trusts-lambda.yaml");
    String[] lines = text.split("\n", -1);
    lines[28] = lines[28] + "  # polygraph:ignore EKS001 nodes assume it through a broker";
    Path file = write(String.join("\n", lines));

    MainTest.Run run = MainTest.run("scan", file.toString());
    assertEquals(0, run.code(), run.out());
    assertEquals("no problems in 1 file (1 suppressed)\n", run.out());
    MainTest.Run shown = MainTest.run("scan", "--show-suppressed", file.toString());
    assertEquals(0, shown.code());
    assertTrue(shown.out().contains(
        ":29:9: error EKS001 [suppressed: nodes assume it through a broker] Node role 'NodeRole'"), shown.out());
    assertTrue(shown.out().endsWith("\nno problems in 1 file (1 suppressed)\n"), shown.out());

    Path sarif = tmp.resolve("out.sarif");
    assertEquals(0, MainTest.run("scan", "-f", "sarif", "-o", sarif.toString(), file.toString()).code());
    JsonNode result = results(sarif).path(0);
    assertEquals("EKS001", result.path("ruleId").asText());
    assertEquals("inSource", result.path("suppressions").path(0).path("kind").asText());
    assertEquals("nodes assume it through a broker",
        result.path("suppressions").path(0).path("justification").asText());
  }

  @Test
  void aConfigIgnoreEntryIsAnExternalSuppression() throws IOException {
    Path file = write(template("fixtures/EKS001/cfn/bad-trusts-lambda.yaml"));
    Path cfg = tmp.resolve("cfg.yaml");
    Files.writeString(cfg, "ignore:\n  - { path: \"**nodes.yaml\", rule: EKS001, reason: \"tracked in JIRA-12\" }\n");
    Path sarif = tmp.resolve("out.sarif");
    MainTest.Run run = MainTest.run("scan", "-c", cfg.toString(), "-f", "sarif", "-o", sarif.toString(), file.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode suppression = results(sarif).path(0).path("suppressions").path(0);
    assertEquals("external", suppression.path("kind").asText());
    assertEquals("tracked in JIRA-12", suppression.path("justification").asText());
  }

  @Test
  void aFindingWhoseMessageChangedIsUpdatedAndDoesNotCount() throws IOException {
    String original = template("fixtures/EKS001/cfn/bad-trusts-lambda.yaml");
    Path file = write(original);
    Path base = tmp.resolve("base.sarif");
    assertEquals(1, MainTest.run("scan", "-f", "sarif", "-o", base.toString(), file.toString()).code());

    write(original.replace("\n  Workers:\n", "\n  Nodes:\n"));
    MainTest.Run run = MainTest.run("scan", "--baseline", base.toString(), file.toString());
    assertEquals(0, run.code(), run.out());
    assertTrue(run.out().contains(":29:9: error EKS001 [updated] Node role 'NodeRole' (used by node group 'Nodes')"),
        run.out());
    assertTrue(run.out().strip().endsWith("(baseline: 0 new, 0 unchanged, 1 updated, 0 absent)"), run.out());
  }

  @Test
  void theSuppressionRulesAreInTheCatalogueOfTheCommandLine() {
    MainTest.Run rules = MainTest.run("rules");
    assertTrue(rules.out().contains("POLY002  warning  suppression-incomplete"), rules.out());
    assertTrue(rules.out().contains("POLY003  note     unused-suppression"), rules.out());
    MainTest.Run explain = MainTest.run("explain", "unused-suppression");
    assertEquals(0, explain.code());
    assertTrue(explain.out().startsWith("POLY003 unused-suppression (UnusedSuppression, default level note)"),
        explain.out());
    assertEquals(1, MainTest.run("scan", "--skip-rules", "POLY002,POLY003", "examples").code());
  }
}
