package dev.polygraph.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.config.ConfigLoader;
import dev.polygraph.finding.Finding;
import dev.polygraph.load.iam.AccountDumpGenerator;
import dev.polygraph.report.ScanReport;
import dev.polygraph.rules.RuleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerIamTest {

  @TempDir Path dir;

  @Test
  void anAccountDumpLargerThanAnyTreeIsStreamed() throws Exception {
    Path dump = dir.resolve("dump.json");
    // 21 MB: over the 20 million characters a located tree of one file may hold.
    AccountDumpGenerator.main(new String[] {dump.toString(), "21"});
    assertTrue(Files.size(dump) > 20_000_000L);

    ScanReport report = new Scanner(ScanOptions.defaults(dir)).scan(List.of(dir));

    assertEquals(List.of(), report.notifications());
    assertEquals(Set.of("EKS004"), report.findings().stream().map(Finding::ruleId).collect(Collectors.toSet()));
    Finding first = report.findings().get(0);
    assertEquals("role/eks-node-role-7", first.location().address());
    assertEquals(
        "\"AttachedManagedPolicies\": [",
        report.files().get("dump.json").line(first.location().span().startLine()).trim());
    // Every fifth node role (one role in twenty) lacks ECR permissions, and only those.
    for (Finding f : report.findings()) {
      int i = Integer.parseInt(f.location().address().substring("role/eks-node-role-".length()));
      assertEquals(7, i % 100, f.location().address());
    }
    assertEquals("role/eks-node-role-107", report.findings().get(1).location().address());
  }

  @Test
  void aDeclaredRoleFileOutsideTheScannedPathsIsAProblemAtItsEntryUnlessAllowed() throws Exception {
    Files.createDirectories(dir.resolve("iam"));
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        dir.resolve("iam/trust.json"),
        "{\"Version\": \"2012-10-17\",\n \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"lambda.amazonaws.com\"},"
            + " \"Action\": \"sts:AssumeRole\"}]}\n");
    Path config =
        Files.writeString(
            dir.resolve(ConfigLoader.FILE_NAME),
            "roles:\n  nodes:\n    kind: eks-node\n    trust: iam/trust.json\n    managed-policies:\n"
                + "      - arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy\n"
                + "      - arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly\n"
                + "      - arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy\n");
    ScanOptions options =
        new ScanOptions(dir, Set.of(), Set.of(), RuleSettings.DEFAULTS, Map.of(), List.of(), ConfigLoader.load(config).roles());

    // Only templates/ is scanned: the config may not make polygraph read iam/ (issue 15).
    ScanReport report = new Scanner(options).scan(List.of(dir.resolve("templates")));
    // (What EKS001 makes of a trust policy that is not known is the rule's business.)
    assertEquals(List.of("POLY001 .polygraph.yaml:4:12 The file 'iam/trust.json' is outside the scanned tree;"
            + " polygraph does not read it."),
        report.findings().stream()
            .filter(f -> !f.ruleId().equals("EKS001"))
            .map(f -> f.ruleId() + " " + f.location().span() + " " + f.message())
            .toList());
    assertEquals(Set.of(".polygraph.yaml"), report.files().keySet());

    // --allow-outside iam lets it in.
    report = new Scanner(options).allowing(List.of(dir.resolve("iam"))).scan(List.of(dir.resolve("templates")));
    assertEquals(List.of("EKS001 iam/trust.json:1:1 role/nodes"),
        report.findings().stream()
            .map(f -> f.ruleId() + " " + f.location().span() + " " + f.location().address())
            .toList());
    assertEquals(Set.of(".polygraph.yaml", "iam/trust.json"), report.files().keySet());
  }

  @Test
  void jsonThatIsNoInputIsSkippedSilently() throws Exception {
    Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0.0\"}\n");
    Files.writeString(dir.resolve("trust.json"), "{\"Version\": \"2012-10-17\", \"Statement\": []}\n");

    ScanReport report = new Scanner(ScanOptions.defaults(dir)).scan(List.of(dir));

    assertEquals(List.of(), report.findings());
    assertEquals(List.of(), report.notifications());
    assertEquals(Set.of("package.json", "trust.json"), report.files().keySet());
  }
}
