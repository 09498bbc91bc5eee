package dev.polygraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.cli.MainTest.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --report-only}: the whole scan runs, so references across files resolve, but only findings
 * located in or related to the given files are reported and counted.
 */
class ReportOnlyTest {
  private static final String DIR = "fixtures/EKS004/cfn/bad-import";
  private static final String FINDING =
      DIR + "/node-role.yaml:14:7: error EKS004 Node role 'NodeRole' (used by node group 'Workers') is not"
          + " granted the permissions to pull images from ECR (missing 'ecr:GetAuthorizationToken',"
          + " 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer').";

  @Test
  void keepsAFindingLocatedInTheFile() {
    Run r = MainTest.run("scan", DIR, "--report-only", DIR + "/node-role.yaml");
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(FINDING, firstLine(r));
    assertEquals("1 error in 2 files", lastLine(r));
  }

  @Test
  void keepsAFindingWhoseRelatedLocationIsInTheFile() {
    // The role is in node-role.yaml; cluster.yaml only holds the node group that imports it.
    Run r = MainTest.run("scan", DIR, "--report-only", DIR + "/cluster.yaml");
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(FINDING, firstLine(r));
  }

  @Test
  void keepsAFindingInTheTerraformModuleOfACommittedTfvarsFile() {
    // terraform.tfvars makes the cluster IPv6; the finding is on the role in main.tf beside it.
    String tf = "fixtures/EKS006/tf/bad-tfvars-ipv6-with-ipv4-cni-policy";
    Run r = MainTest.run("scan", tf, "--report-only", tf + "/terraform.tfvars");
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(tf + "/main.tf:34:1: error EKS006 Node role 'aws_iam_role.node' (used by node group"
        + " 'aws_eks_node_group.workers') is not granted the permissions the IPv6 VPC CNI needs (missing"
        + " 'ec2:AssignIpv6Addresses').", firstLine(r));
    Run other = MainTest.run("scan", tf, "fixtures/EKS004/tf/good-dynamic-statement", "--report-only",
        "fixtures/EKS004/tf/good-dynamic-statement/main.tf");
    assertEquals(0, other.code(), other.out() + other.err());
  }

  @Test
  void dropsFindingsAboutOtherFilesAndExitsZero() {
    Run r = MainTest.run("scan", "fixtures/EKS004/cfn", "--report-only", "fixtures/EKS004/cfn/good-custom-policy.yaml");
    assertEquals(0, r.code(), r.out() + r.err());
    assertEquals(List.of("no problems in 22 files"), r.out().lines().toList());
  }

  @Test
  void matchesFilesHoweverThePathIsSpelled() {
    Run r = MainTest.run("scan", DIR, "--report-only", "./" + DIR + "/../bad-import/cluster.yaml", "no/such.yaml");
    assertEquals(1, r.code(), r.out() + r.err());
    assertEquals(FINDING, firstLine(r));
  }

  private static String firstLine(Run r) {
    return r.out().lines().findFirst().orElse("");
  }

  private static String lastLine(Run r) {
    List<String> lines = r.out().lines().toList();
    return lines.get(lines.size() - 1);
  }
}
