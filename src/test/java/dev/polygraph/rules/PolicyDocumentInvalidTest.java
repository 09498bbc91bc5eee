package dev.polygraph.rules;

import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentInvalidTest {

  private static final String F = "iam.json";
  private final Rule rule = new PolicyDocumentInvalid();

  private static String line(Finding f) {
    Span s = f.location().span();
    return s.startLine() + ":" + s.startColumn() + " " + f.location().address() + " " + f.message();
  }

  @Test
  void trustAndIdentityDocumentsAreEachCheckedForWhatTheyAre() {
    // The same statement shape is right in a trust policy and wrong in an identity policy.
    String[] statement = {
      "{\"Version\": \"2012-10-17\", \"Statement\": [",
      "  {\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}"
    };
    RoleNode role =
        G.role(F, "NodeRole", 1)
            .trust(Documents.read(F, "trust policy of 'NodeRole'", statement))
            .inline(Documents.read(F, "inline policy 'assume'", statement))
            .build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role));

    assertEquals(
        List.of(
            "2:3 NodeRole Inline policy 'assume' breaks IAM's policy grammar: statement 1 has neither 'Resource' nor"
                + " 'NotResource'.",
            "2:23 NodeRole Inline policy 'assume' breaks IAM's policy grammar: statement 1 has 'Principal'; an"
                + " identity policy names no principal."),
        findings.stream().map(PolicyDocumentInvalidTest::line).toList());
    assertEquals(Level.ERROR, findings.get(0).level());
    assertEquals(
        "IAM001|iam.json|NodeRole|inline policy 'assume': statement 1 has neither 'Resource' nor 'NotResource'.",
        findings.get(0).fingerprint());
  }

  @Test
  void standaloneAndManagedPoliciesAreCheckedAndASharedDocumentIsReportedOnce() {
    PolicyDocument noVersion =
        Documents.read(F, "inline policy 'nodes'", "{\"Statement\": {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"}}");
    PolicyDocument lowerCaseEffect =
        Documents.read(
            F, "managed policy 'Extra'",
            "{\"Version\": \"2012-10-17\",",
            " \"Statement\": {\"Effect\": \"allow\", \"Action\": \"ec2:*\", \"Resource\": \"*\"}}");
    InlinePolicyNode inline =
        new InlinePolicyNode(new NodeId(F, "NodesPolicy"), span(F, 1, 1, 5), Guard.ALWAYS, null, noVersion, List.of());
    RoleNode role = G.role(F, "NodeRole", 1).inline(noVersion).build();
    ManagedPolicyNode managed =
        new ManagedPolicyNode(new NodeId(F, "Extra"), span(F, 1, 1, 5), Guard.ALWAYS, null, lowerCaseEffect, List.of());

    assertEquals(
        List.of(
            "2:26 Extra Managed policy 'Extra' breaks IAM's policy grammar: statement 1 has the 'Effect' 'allow', not"
                + " 'Allow' or 'Deny'.",
            "1:1 NodeRole Inline policy 'nodes' breaks IAM's policy grammar: the document has no 'Version'; write"
                + " '2012-10-17'."),
        Runs.run(rule, Runs.graph(inline, role, managed)).stream().map(PolicyDocumentInvalidTest::line).toList());
  }

  @Test
  void validDocumentsAndDocumentsBuiltInCodeGiveNothing() {
    RoleNode role =
        G.role(F, "NodeRole", 1)
            .trust(G.trustEc2(span(F, 3, 7, 7)))
            .inline(new PolicyDocument("built", span(F, 9, 1, 1), null, List.of(), List.of()))
            .build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role)));
  }
}
