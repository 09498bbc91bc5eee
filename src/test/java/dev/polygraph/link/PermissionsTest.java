package dev.polygraph.link;

import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicySet;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Text;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {

  private static final String F = "t.yaml";

  private final PolicyDocument inline = G.policy("inline policy 'own'", at(F, 20), G.allow(at(F, 22), "s3:GetObject", "*"));
  private final PolicyDocument customer =
      G.policy("managed policy 'NodeExtra'", at(F, 40), G.allow(at(F, 42), "ec2:DescribeTags", "*"));
  private final PolicyDocument attachedFromOutside =
      G.policy("policy 'Attach'", at(F, 50), G.allow(at(F, 52), "ec2:DescribeVpcs", "*"));

  private final RoleNode role =
      G.role(F, "NodeRole", 5)
          .inline(inline)
          .aws("AmazonEKSWorkerNodePolicy", 11)
          .managed(Guard.of("UseEcr", true), G.awsPolicyArn("AmazonEC2ContainerRegistryReadOnly", at(F, 12)))
          .managed(attr(F, "NodeExtra", "Ref", at(F, 13)))
          .managed(Text.of("arn:aws:iam::111122223333:policy/elsewhere", at(F, 14)))
          .boundary(Text.of("arn:aws:iam::111122223333:policy/boundary", at(F, 15)))
          .build();
  private final ManagedPolicyNode extra =
      new ManagedPolicyNode(new NodeId(F, "NodeExtra"), span(F, 38, 3, 9), Guard.ALWAYS, null, customer, List.of());
  private final InlinePolicyNode attach =
      new InlinePolicyNode(new NodeId(F, "Attach"), span(F, 48, 3, 6), Guard.of("Extra", true), null, attachedFromOutside,
          List.of(Guarded.always(attr(F, "NodeRole", "Ref", at(F, 55)))));
  private final PolicyGraph graph = Runs.graph(role, extra, attach);
  private final Permissions permissions = Runs.link(graph).permissions();

  @Test
  void everyAttachmentThatHoldsInTheScenario() {
    PolicySet all = permissions.of(role, new Scenario(Map.of("UseEcr", true, "Extra", true)));
    assertEquals(
        List.of("inline policy 'own'", "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly",
            "managed policy 'NodeExtra'", "policy 'Attach'"),
        all.identity().stream().map(PolicyDocument::name).toList());
    assertEquals(
        List.of("customer-managed policy 'arn:aws:iam::111122223333:policy/elsewhere' is outside the scan"),
        all.unresolved());
    assertNull(all.boundary());
    assertEquals(
        "customer-managed policy 'arn:aws:iam::111122223333:policy/boundary' is outside the scan",
        all.boundaryUnresolved());

    PolicySet without = permissions.of(role, new Scenario(Map.of("UseEcr", false, "Extra", false)));
    assertEquals(
        List.of("inline policy 'own'", "AmazonEKSWorkerNodePolicy", "managed policy 'NodeExtra'"),
        without.identity().stream().map(PolicyDocument::name).toList());
  }

  @Test
  void theGuardsInvolvedDriveTheScenarios() {
    Set<Guard> guards = permissions.guards(role);
    assertEquals(
        Set.of(Guard.ALWAYS, Guard.of("UseEcr", true), Guard.of("Extra", true)), guards);
    assertEquals(4, Scenario.enumerate(guards).size());
  }

  @Test
  void aPolicyAttachmentResourceCountsLikeAnArnOnTheRole() {
    String tf = "main.tf";
    RoleNode bare = G.role(tf, "aws_iam_role.node", 1).build();
    PolicyAttachmentNode worker =
        new PolicyAttachmentNode(new NodeId(tf, "aws_iam_role_policy_attachment.worker"), span(tf, 10, 1, 60),
            Guard.ALWAYS, List.of(Guarded.always(attr(tf, "aws_iam_role.node", "name", at(tf, 11)))),
            G.awsPolicyArn("AmazonEKSWorkerNodePolicy", at(tf, 12)));
    PolicyAttachmentNode ecr =
        new PolicyAttachmentNode(new NodeId(tf, "aws_iam_role_policy_attachment.ecr[0]"), span(tf, 15, 1, 60),
            Guard.of("var.ecr", true), List.of(Guarded.always(attr(tf, "aws_iam_role.node", "name", at(tf, 16)))),
            G.awsPolicyArn("AmazonEC2ContainerRegistryReadOnly", at(tf, 17)));
    PolicyAttachmentNode elsewhere =
        new PolicyAttachmentNode(new NodeId(tf, "aws_iam_role_policy_attachment.other"), span(tf, 20, 1, 60),
            Guard.ALWAYS, List.of(Guarded.always(Text.of("some-other-role", at(tf, 21)))),
            G.awsPolicyArn("AmazonEKS_CNI_Policy", at(tf, 22)));
    PolicyGraph tfGraph = Runs.graph(bare, worker, ecr, elsewhere);
    Permissions tfPermissions = Runs.link(tfGraph).permissions();

    assertEquals(
        // graph order: by address
        List.of("AmazonEC2ContainerRegistryReadOnly", "AmazonEKSWorkerNodePolicy"),
        tfPermissions.of(bare, new Scenario(Map.of("var.ecr", true))).identity().stream()
            .map(PolicyDocument::name).toList());
    assertEquals(
        List.of("AmazonEKSWorkerNodePolicy"),
        tfPermissions.of(bare, new Scenario(Map.of("var.ecr", false))).identity().stream()
            .map(PolicyDocument::name).toList());
    assertEquals(Set.of(Guard.ALWAYS, Guard.of("var.ecr", true)), tfPermissions.guards(bare));
  }

  @Test
  void anAttachmentOfAPolicyOutsideTheScanLeavesTheRoleUnresolved() {
    String tf = "main.tf";
    RoleNode bare = G.role(tf, "aws_iam_role.node", 1).build();
    PolicyAttachmentNode custom =
        new PolicyAttachmentNode(new NodeId(tf, "aws_iam_role_policy_attachment.custom"), span(tf, 10, 1, 60),
            Guard.ALWAYS, List.of(Guarded.always(attr(tf, "aws_iam_role.node", "name", at(tf, 11)))),
            Text.of("arn:aws:iam::111122223333:policy/elsewhere", at(tf, 12)));
    PolicyGraph tfGraph = Runs.graph(bare, custom);
    PolicySet set = Runs.link(tfGraph).permissions().of(bare, new Scenario(Map.of()));
    assertEquals(List.of(), set.identity());
    assertEquals(
        List.of("customer-managed policy 'arn:aws:iam::111122223333:policy/elsewhere' is outside the scan"),
        set.unresolved());
  }
}
