package dev.polygraph.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.report.Fingerprints;
import dev.polygraph.report.ScanReport;
import dev.polygraph.scan.ScanOptions;
import dev.polygraph.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published fingerprints (SARIF {@code polygraph/v1}) of real templates survive moving a resource
 * and editing another: they are built from rule, file, address and detail, never from lines.
 */
class FingerprintStabilityTest {

  @TempDir Path tmp;

  /** Published fingerprint → "line RULE" of every finding. */
  private Map<String, String> fingerprints(String template) throws IOException {
    Files.writeString(tmp.resolve("nodes.yaml"), template);
    ScanReport report = new Scanner(ScanOptions.defaults(tmp)).scan(List.of(tmp));
    Map<String, String> out = new TreeMap<>();
    for (Finding f : report.findings()) {
      String previous =
          out.put(Fingerprints.sha256Hex(f.fingerprint()), f.location().span().startLine() + " " + f.ruleId());
      assertEquals(null, previous, "two findings share a fingerprint: " + f);
    }
    return out;
  }

  /** Lines {@code from..to} (1-based) cut out and put back after what was line {@code after}. */
  private static String move(String text, int from, int to, int after) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    List<String> block = new ArrayList<>(lines.subList(from - 1, to));
    List<String> rest = new ArrayList<>(lines);
    rest.subList(from - 1, to).clear();
    rest.addAll(after - block.size(), block);
    return String.join("\n", rest);
  }

  @Test
  void movingAResourceMoreThan20LinesDownKeepsEveryFingerprint() throws IOException {
    String original = Templates.hardCodedArns();
    // ClusterRole (lines 7-18) goes after Workers, the last resource (ends at line 56).
    String moved = move(original, 7, 18, 56);
    assertEquals("  ClusterRole:", moved.split("\n")[44], "ClusterRole now starts at line 45");

    Map<String, String> before = fingerprints(original);
    Map<String, String> after = fingerprints(moved);
    assertEquals(5, before.size(), before.toString());
    assertEquals(before.keySet(), after.keySet());
    assertEquals(
        List.of("18 EKS010", "36 EKS010", "37 EKS010", "38 EKS010", "46 EKS010"),
        before.values().stream().sorted().toList());
    assertEquals(
        List.of("24 EKS010", "25 EKS010", "26 EKS010", "34 EKS010", "56 EKS010"),
        after.values().stream().sorted().toList());
  }

  @Test
  void editingAnotherResourceKeepsEveryFingerprint() throws IOException {
    String original = Templates.read("fixtures/EKS003/cfn/bad-access-entry-role.yaml");
    // The cluster (lines 19-26) gets a version and tags: every later line moves by four.
    String edited =
        Templates.insertBefore(
            original, 25, "      Version: \"1.31\"\n      Tags:\n        - Key: team\n          Value: platform\n");

    Map<String, String> before = fingerprints(original);
    Map<String, String> after = fingerprints(edited);
    assertEquals(List.of("51 EKS003", "51 EKS004"), before.values().stream().sorted().toList());
    assertEquals(List.of("55 EKS003", "55 EKS004"), after.values().stream().sorted().toList());
    assertEquals(before.keySet(), after.keySet());
  }

  @Test
  void theSameResourceInAnotherFileIsAnotherFinding() throws IOException {
    String template = Templates.lambdaTrust();
    Map<String, String> first = fingerprints(template);
    Files.delete(tmp.resolve("nodes.yaml"));
    Files.writeString(tmp.resolve("other.yaml"), template);
    ScanReport report = new Scanner(ScanOptions.defaults(tmp)).scan(List.of(tmp));
    String moved = Fingerprints.sha256Hex(report.findings().get(0).fingerprint());
    assertEquals(1, first.size());
    assertNotEquals(first.keySet().iterator().next(), moved);
  }
}
