package dev.polygraph.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.report.ScanReport;
import dev.polygraph.report.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code polygraph:ignore} comment in a script, through the whole pipeline. */
class ScannerShellSuppressionTest {

  /** The user guide's procedure without the ECR attachment: EKS004 at 'aws iam create-role', line 24. */
  private static final Path WITHOUT_ECR = Path.of("fixtures/EKS004/sh/bad-user-guide-without-ecr.sh");

  @TempDir Path root;

  /** The fixture with a line inserted above its line 24 (the continued create-role command). */
  private ScanReport scanWithCommentAboveCreateRole(String comment) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(WITHOUT_ECR));
    assertEquals("aws iam create-role \\", lines.get(23));
    lines.add(23, comment);
    Files.write(root.resolve("make-node-role.sh"), lines);
    return new Scanner(ScanOptions.defaults(root), "test").scan(List.of(root));
  }

  private static List<String> visible(ScanReport report) {
    return report.findings().stream()
        .filter(f -> !report.triage().suppressed(f))
        .map(f -> f.location().span().startLine() + " " + f.ruleId() + " " + f.message())
        .toList();
  }

  private static Map<String, Suppression> suppressed(ScanReport report) {
    Map<String, Suppression> out = new TreeMap<>();
    report.triage().suppressions()
        .forEach((f, s) -> out.put(f.location().span().startLine() + " " + f.ruleId(), s));
    return out;
  }

  @Test
  void aCommentAboveTheCreateRoleCommandSuppressesItsFinding() throws IOException {
    ScanReport report =
        scanWithCommentAboveCreateRole("# polygraph:ignore EKS004 nodes pull through a registry mirror");
    assertEquals(List.of(), visible(report));
    assertEquals(
        Map.of(
            "25 EKS004",
            new Suppression(Suppression.Kind.IN_SOURCE, "nodes pull through a registry mirror")),
        suppressed(report));
  }

  @Test
  void aCommentWithoutAReasonSuppressesWithAWarning() throws IOException {
    ScanReport report = scanWithCommentAboveCreateRole("# polygraph:ignore EKS004");
    assertEquals(List.of("24 POLY002 The suppression of 'EKS004' gives no reason."), visible(report));
    assertEquals(Map.of("25 EKS004", new Suppression(Suppression.Kind.IN_SOURCE, null)), suppressed(report));
  }
}
