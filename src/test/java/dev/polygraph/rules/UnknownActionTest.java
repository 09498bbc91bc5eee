package dev.polygraph.rules;

import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownActionTest {

  private static final String F = "iam.json";
  private final Rule rule = new UnknownAction();

  private static String line(Finding f) {
    Span s = f.location().span();
    return s.startLine() + ":" + s.startColumn() + "-" + s.endColumn() + " " + f.location().address() + " "
        + f.message() + " help: " + f.help();
  }

  private static ManagedPolicyNode managed(String... lines) {
    return new ManagedPolicyNode(
        new NodeId(F, "NodeExtras"), span(F, 1, 1, 5), Guard.ALWAYS, null,
        Documents.read(F, "managed policy 'NodeExtras'", lines), List.of());
  }

  @Test
  void misspeltActionsAndPatternsThatMatchNothingFireAtTheElement() {
    ManagedPolicyNode policy =
        managed(
            "{\"Version\": \"2012-10-17\", \"Statement\": [",
            "{\"Effect\": \"Allow\", \"Resource\": \"*\", \"Action\": [",
            "  \"ec2:DescribeInstance\",",
            "  \"ecr:BatchGetImages*\",",
            "  \"ecr:DownloadLayer*\"]},",
            "{\"Effect\": \"Deny\", \"Resource\": \"*\", \"NotAction\": \"IAM:passroles\"}]}");
    List<Finding> findings = Runs.run(rule, Runs.graph(policy));

    assertEquals(
        List.of(
            "3:3-25 NodeExtras The action 'ec2:DescribeInstance' is not an action of service 'ec2' (did you mean"
                + " 'ec2:DescribeInstances'?). help: write 'ec2:DescribeInstances'",
            "4:3-24 NodeExtras The action pattern 'ecr:BatchGetImages*' matches no action of service 'ecr' (did you"
                + " mean 'ecr:BatchGetImage*'?). help: write 'ecr:BatchGetImage*'",
            "5:3-23 NodeExtras The action pattern 'ecr:DownloadLayer*' matches no action of service 'ecr'. help: null",
            "6:50-65 NodeExtras The action 'IAM:passroles' is not an action of service 'IAM' (did you mean"
                + " 'iam:PassRole'?). help: write 'iam:PassRole'"),
        findings.stream().map(UnknownActionTest::line).toList());
    assertEquals(Level.WARNING, findings.get(0).level());
    assertEquals("IAM002|iam.json|NodeExtras|ec2:DescribeInstance", findings.get(0).fingerprint());
  }

  @Test
  void realActionsInAnyCaseMatchingPatternsAndOtherServicesPass() {
    ManagedPolicyNode policy =
        managed(
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Resource\": \"*\", \"Action\": [",
            "\"*\", \"ec2:*\", \"EC2:describeinstances\", \"ecr:BatchGet?mage\", \"eks-auth:AssumeRoleForPodIdentity\",",
            "\"s3:GetObjekt\", \"ec2DescribeVpcs\"]}}");
    assertEquals(List.of(), Runs.run(rule, Runs.graph(policy)));
  }

  @Test
  void trustPolicyActionsAreCheckedToo() {
    RoleNode role =
        G.role(F, "NodeRole", 1)
            .trust(
                Documents.read(
                    F, "trust policy of 'NodeRole'",
                    "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\",",
                    " \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": [\"sts:AssumeRole\", \"sts:TagSessions\"]}}"))
            .build();
    assertEquals(
        List.of(
            "2:78-95 NodeRole The action 'sts:TagSessions' is not an action of service 'sts' (did you mean"
                + " 'sts:TagSession'?). help: write 'sts:TagSession'"),
        Runs.run(rule, Runs.graph(role)).stream().map(UnknownActionTest::line).toList());
  }
}
