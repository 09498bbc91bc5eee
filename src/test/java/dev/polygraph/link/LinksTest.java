package dev.polygraph.link;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinksTest {

  private static final String IAM = "iam.yaml";
  private static final String EKS = "eks.yaml";

  private final RoleNode nodeRole = G.role(IAM, "NodeRole", 5).name("eks-nodes").build();
  private final RoleNode other = G.role(IAM, "OtherRole", 30).name("other").build();
  private final InstanceProfileNode profile =
      new InstanceProfileNode(new NodeId(IAM, "Profile"), span(IAM, 50, 3, 7), Guard.ALWAYS,
          Text.of("eks-nodes-profile", at(IAM, 52)), List.of());
  private final ManagedPolicyNode policy =
      new ManagedPolicyNode(new NodeId(IAM, "NodePolicy"), span(IAM, 60, 3, 10), Guard.ALWAYS,
          Text.of("eks-node-extra", at(IAM, 62)), null, List.of());
  private final ClusterNode cluster =
      new ClusterNode(new NodeId(EKS, "Cluster"), span(EKS, 5, 3, 7), Guard.ALWAYS, Text.of("prod", at(EKS, 7)),
          null, null, null);
  private final LaunchTemplateNode template =
      new LaunchTemplateNode(new NodeId(EKS, "Template"), span(EKS, 20, 3, 8), Guard.ALWAYS,
          Text.of("nodes", at(EKS, 22)), null, null);
  private final Links links = new Links(Runs.graph(nodeRole, other, profile, policy, cluster, template));

  private static Text text(String s) {
    return Text.of(s, at(EKS, 40));
  }

  @Test
  void aResourceAttributeResolvesToItsNodeInAnyFile() {
    assertEquals(Optional.of(nodeRole), links.role(attr(IAM, "NodeRole", "Arn", at(EKS, 40))));
    assertEquals(Optional.of(nodeRole), links.role(attr(IAM, "NodeRole", "Ref", at(EKS, 40))));
    assertEquals(
        Optional.of(nodeRole),
        links.role(G.sub(at(EKS, 40), "arn:", G.partition(), ":iam::", G.account(), ":role/",
            new Symbol.ResourceAttr(IAM, "NodeRole", "Ref"))));
  }

  @Test
  void aResourceAttributeOfAnotherKindOrTwoOfThemResolveToNothing() {
    assertEquals(Optional.empty(), links.role(attr(IAM, "Profile", "Arn", at(EKS, 40))));
    assertEquals(Optional.empty(), links.role(attr(IAM, "Missing", "Arn", at(EKS, 40))));
    assertEquals(
        Optional.empty(),
        links.role(G.sub(at(EKS, 40), new Symbol.ResourceAttr(IAM, "NodeRole", "Ref"), "-",
            new Symbol.ResourceAttr(IAM, "OtherRole", "Ref"))));
  }

  @Test
  void aRoleArnWrittenInAnotherFileResolvesByName() {
    assertEquals(Optional.of(nodeRole), links.role(text("arn:aws:iam::111122223333:role/eks-nodes")));
    assertEquals(Optional.of(nodeRole), links.role(text("arn:aws-cn:iam::111122223333:role/teams/eks/eks-nodes")));
    assertEquals(
        Optional.of(nodeRole),
        links.role(G.sub(at(EKS, 40), "arn:", G.partition(), ":iam::", G.account(), ":role/eks-nodes")));
    assertEquals(Optional.of(nodeRole), links.role(text("eks-nodes")));
  }

  @Test
  void unknownOrAmbiguousReferencesResolveToNothing() {
    assertEquals(Optional.empty(), links.role(text("arn:aws:iam::111122223333:role/someone-else")));
    assertEquals(Optional.empty(), links.role(text("arn:aws:iam::111122223333:instance-profile/eks-nodes")));
    assertEquals(Optional.empty(), links.role(new Unknown("parameter 'RoleArn' has no default", at(EKS, 40))));
    assertEquals(
        Optional.empty(),
        links.role(G.sub(at(EKS, 40), "arn:aws:iam::1:role/", new Symbol.Opaque("Suffix", "no default"))));
    Value twice = text("eks-nodes");
    RoleNode sameName = G.role(EKS, "CopyOfNodeRole", 60).name("eks-nodes").build();
    assertEquals(Optional.empty(), new Links(Runs.graph(nodeRole, sameName)).role(twice));
  }

  @Test
  void instanceProfilesPoliciesClustersAndTemplates() {
    assertEquals(
        Optional.of(profile), links.instanceProfile(text("arn:aws:iam::111122223333:instance-profile/eks-nodes-profile")));
    assertEquals(Optional.of(profile), links.instanceProfile(text("eks-nodes-profile")));
    assertEquals(Optional.of(policy), links.managedPolicy(text("arn:aws:iam::111122223333:policy/path/eks-node-extra")));
    assertEquals(Optional.of(policy), links.managedPolicy(attr(IAM, "NodePolicy", "Ref", at(EKS, 40))));
    assertEquals(Optional.empty(), links.managedPolicy(text("arn:aws:iam::aws:policy/eks-node-extra")));
    assertEquals(Optional.of(cluster), links.cluster(text("prod")));
    assertEquals(Optional.of(cluster), links.cluster(text("arn:aws:eks:eu-west-1:111122223333:cluster/prod")));
    assertEquals(Optional.of(template), links.launchTemplate(text("nodes")));
    assertEquals(Optional.of(template), links.launchTemplate(attr(EKS, "Template", "Ref", at(EKS, 40))));
    assertEquals(Optional.empty(), links.launchTemplate(text("lt-0123456789abcdef0")));
  }
}
