package dev.polygraph.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The EKS user guide's node-role procedure as a script (the EKS004 good fixture): leaving out any
 * one of its attachments fails the rule that needs it, at the role's 'aws iam create-role'.
 */
class UserGuideScriptTest {

  private static final Path SCRIPT = Path.of("fixtures/EKS004/sh/good-user-guide-node-role.sh");

  @TempDir Path root;

  @ParameterizedTest
  @CsvSource({
    "AmazonEKSWorkerNodePolicy, EKS003, error",
    "AmazonEC2ContainerRegistryReadOnly, EKS004, error",
    // No cluster in the script says which IP family: IPv4 is assumed, so the level is lowered.
    "AmazonEKS_CNI_Policy, EKS005, warning"
  })
  void leavingOutOneAttachmentFailsTheMatchingRule(String policy, String rule, String level) throws IOException {
    String script = Files.readString(SCRIPT);
    String attachment =
        "aws iam attach-role-policy \\\n"
            + "  --policy-arn arn:aws:iam::aws:policy/" + policy + " \\\n"
            + "  --role-name AmazonEKSNodeRole\n";
    assertTrue(script.contains(attachment), "the fixture attaches " + policy);
    Path copy = root.resolve("create-node-role.sh");
    Files.writeString(copy, script.replace(attachment, ""));

    List<Finding> findings = new Scanner(ScanOptions.defaults(root), "test").scan(List.of(root)).findings();

    assertEquals(
        List.of("create-node-role.sh:24:1 " + rule + " " + level + " role/AmazonEKSNodeRole"),
        findings.stream()
            .map(f -> f.location().span() + " " + f.ruleId() + " " + f.level().name().toLowerCase() + " " + f.location().address())
            .toList());
  }
}
