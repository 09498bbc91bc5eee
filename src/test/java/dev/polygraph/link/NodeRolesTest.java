package dev.polygraph.link;

import dev.polygraph.graph.AccessEntryNode;
import dev.polygraph.graph.AddonNode;
import dev.polygraph.graph.AutoScalingGroupNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.Declaration;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PodIdentityAssociationNode;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRolesTest {

  private static final String F = "t.yaml";

  private static LinkedGraph nodeRoles(List<String> globs, GraphNode... nodes) {
    return Runs.link(Runs.graph(nodes), Runs.settings(null, null, globs));
  }

  private static ClusterNode cluster(String roleAddress) {
    return new ClusterNode(new NodeId(F, "Cluster"), span(F, 40, 3, 7), Guard.ALWAYS, Text.of("prod", at(F, 42)),
        roleAddress == null ? null : attr(F, roleAddress, "Arn", at(F, 43)), null, null);
  }

  @Test
  void aManagedNodeGroupMakesItsRoleANodeRoleOfItsCluster() {
    RoleNode role = G.role(F, "NodeRole", 5).build();
    ClusterNode cluster = cluster("ClusterRole");
    NodeGroupNode ng =
        new NodeGroupNode(new NodeId(F, "Workers"), span(F, 50, 3, 7), Guard.of("WithNodes", true), null,
            attr(F, "Cluster", "Ref", at(F, 52)), attr(F, "NodeRole", "Arn", at(F, 53)), null);
    LinkedGraph roles = nodeRoles(List.of(), role, cluster, ng);

    assertEquals(List.of(new Evidence.NodeGroup(ng, cluster, Guard.of("WithNodes", true))), roles.evidence(role));
    assertEquals(List.of(role), roles.nodeRoles());
    assertEquals(List.of(cluster), roles.clustersServed(role));
    assertFalse(roles.isClusterRole(role));
  }

  @Test
  void aRoleTheConfigDeclaresAnEksNodeIsANodeRoleAndAClusterRoleDeclaredIsNot() {
    RoleNode built = G.role(F, "role/AmazonEKSNodeRole", 2).build();
    Declaration node = new Declaration("eks-node", "ipv6", span(F, 2, 3, 20));
    RoleNode declared =
        new RoleNode(built.id(), built.span(), Guard.ALWAYS, built.name(), null, List.of(), List.of(), null, null, node);
    RoleNode cluster =
        new RoleNode(new NodeId(F, "role/cluster"), span(F, 9, 3, 10), Guard.ALWAYS, null, null, List.of(), List.of(),
            null, null, new Declaration("eks-cluster", null, span(F, 9, 3, 10)));
    LinkedGraph roles = nodeRoles(List.of(), declared, cluster);
    assertEquals(List.of(new Evidence.Declared(declared, node)), roles.evidence(declared));
    assertEquals(span(F, 2, 3, 20), roles.evidence(declared).get(0).span());
    assertEquals(List.of(declared), roles.nodeRoles());
  }

  @Test
  void aRoleThatOnlyTrustsEc2IsNoNodeRole() {
    RoleNode role = G.role(F, "Ec2Role", 5).trust(G.trustEc2(at(F, 8))).build();
    LinkedGraph roles = nodeRoles(List.of(), role);
    assertFalse(roles.isNodeRole(role));
    assertEquals(List.of(), roles.evidence(role));
  }

  @Test
  void launchTemplatesAccessEntriesConfigAndTheWorkerNodePolicy() {
    RoleNode viaProfile = G.role(F, "ProfileRole", 5).build();
    InstanceProfileNode profile =
        new InstanceProfileNode(new NodeId(F, "Profile"), span(F, 10, 3, 7), Guard.ALWAYS, null,
            List.of(Guarded.always(attr(F, "ProfileRole", "Ref", at(F, 12)))));
    LaunchTemplateNode lt =
        new LaunchTemplateNode(new NodeId(F, "Template"), span(F, 15, 3, 8), Guard.ALWAYS, null,
            attr(F, "Profile", "Arn", at(F, 17)), "user data runs '/etc/eks/bootstrap.sh'");
    RoleNode viaEntry = G.role(F, "EntryRole", 20).build();
    AccessEntryNode entry =
        new AccessEntryNode(new NodeId(F, "Entry"), span(F, 25, 3, 5), Guard.ALWAYS,
            attr(F, "Cluster", "Ref", at(F, 26)), attr(F, "EntryRole", "Arn", at(F, 27)), Text.of("EC2_LINUX", at(F, 28)));
    RoleNode listed = G.role(F, "Listed", 30).name("team-a-nodes").build();
    RoleNode attaching = G.role(F, "Attaching", 60).aws("AmazonEKSWorkerNodePolicy", 62).build();
    ClusterNode cluster = cluster(null);
    LinkedGraph roles =
        nodeRoles(List.of("*-nodes"), viaProfile, profile, lt, viaEntry, entry, listed, attaching, cluster);

    assertEquals(List.of(new Evidence.LaunchTemplate(lt, profile, null, Guard.ALWAYS)), roles.evidence(viaProfile));
    assertEquals(span(F, 15, 3, 8), roles.evidence(viaProfile).get(0).span());
    assertEquals(List.of(new Evidence.AccessEntry(entry, "EC2_LINUX", cluster, Guard.ALWAYS)), roles.evidence(viaEntry));
    assertEquals(List.of(cluster), roles.clustersServed(viaEntry));
    assertEquals(List.of(new Evidence.Listed(listed, "*-nodes")), roles.evidence(listed));
    assertEquals(
        List.of(new Evidence.WorkerNodePolicy(attaching, "AmazonEKSWorkerNodePolicy", null, span(F, 62, 11, 40), Guard.ALWAYS)),
        roles.evidence(attaching));
    assertTrue(roles.evidence(attaching).get(0).weak());
    assertEquals(List.of(viaProfile, viaEntry, listed, attaching), roles.nodeRoles().stream()
        .sorted((a, b) -> Integer.compare(a.span().startLine(), b.span().startLine())).toList());
  }

  @Test
  void clusterRolesAndTheVpcCniRoles() {
    RoleNode clusterRole = G.role(F, "ClusterRole", 5).build();
    RoleNode cniRole = G.role(F, "CniRole", 10).build();
    ClusterNode cluster = cluster("ClusterRole");
    AddonNode addon =
        new AddonNode(new NodeId(F, "VpcCni"), span(F, 60, 3, 6), Guard.ALWAYS, Text.of("vpc-cni", at(F, 62)),
            attr(F, "Cluster", "Ref", at(F, 63)), null, List.of(Guarded.always(attr(F, "CniRole", "Arn", at(F, 64)))));
    PodIdentityAssociationNode outside =
        new PodIdentityAssociationNode(new NodeId(F, "AwsNode"), span(F, 70, 3, 7), Guard.ALWAYS,
            Text.of("prod", at(F, 71)), Text.of("kube-system", at(F, 72)), Text.of("aws-node", at(F, 73)),
            Text.of("arn:aws:iam::111122223333:role/cni-elsewhere", at(F, 74)));
    LinkedGraph roles = nodeRoles(List.of(), clusterRole, cniRole, cluster, addon, outside);

    assertTrue(roles.isClusterRole(clusterRole));
    assertEquals(List.of(cluster), roles.clustersRunningAs(clusterRole));
    List<CniRole> cni = roles.cniRoles(cluster);
    assertEquals(2, cni.size());
    assertEquals(cniRole, cni.get(0).role());
    assertEquals(addon, cni.get(0).source());
    assertNull(cni.get(1).role());
    assertEquals(outside, cni.get(1).source());
    assertEquals(new Edge.Target.Outside(outside.role()), cni.get(1).target());
  }

  @Test
  void aVpcCniAddonWithoutARoleLeavesTheCniOnTheNodeRole() {
    ClusterNode cluster = cluster(null);
    AddonNode addon =
        new AddonNode(new NodeId(F, "VpcCni"), span(F, 60, 3, 6), Guard.ALWAYS, Text.of("vpc-cni", at(F, 62)),
            attr(F, "Cluster", "Ref", at(F, 63)), G.noValue(at(F, 64)), List.of());
    assertEquals(List.of(), nodeRoles(List.of(), cluster, addon).cniRoles(cluster));
  }

  @Test
  void aRoleAWorkerNodePolicyAttachmentNamesIsANodeRoleBecauseOfTheAttachment() {
    String tf = "main.tf";
    RoleNode role = G.role(tf, "aws_iam_role.node", 1).build();
    RoleNode other = G.role(tf, "aws_iam_role.other", 5).build();
    PolicyAttachmentNode worker =
        new PolicyAttachmentNode(new NodeId(tf, "aws_iam_role_policy_attachment.worker"), span(tf, 10, 1, 60),
            Guard.of("var.nodes", true), List.of(Guarded.always(attr(tf, "aws_iam_role.node", "name", at(tf, 11)))),
            G.awsPolicyArn("AmazonEKSWorkerNodeMinimalPolicy", at(tf, 12)));
    PolicyAttachmentNode cni =
        new PolicyAttachmentNode(new NodeId(tf, "aws_iam_role_policy_attachment.cni"), span(tf, 15, 1, 60),
            Guard.ALWAYS, List.of(Guarded.always(attr(tf, "aws_iam_role.other", "name", at(tf, 16)))),
            G.awsPolicyArn("AmazonEKS_CNI_Policy", at(tf, 17)));
    LinkedGraph roles = nodeRoles(List.of(), role, other, worker, cni);

    assertEquals(
        List.of(
            new Evidence.WorkerNodePolicy(
                role, "AmazonEKSWorkerNodeMinimalPolicy", worker, span(tf, 10, 1, 60), Guard.of("var.nodes", true))),
        roles.evidence(role));
    assertEquals(List.of(role), roles.nodeRoles());
  }

  @Test
  void aLaunchTemplateUsedByAnAutoScalingGroupTaggedForAClusterLaunchesNodes() {
    RoleNode role = G.role(F, "NodeRole", 5).build();
    InstanceProfileNode profile =
        new InstanceProfileNode(new NodeId(F, "Profile"), span(F, 10, 3, 7), Guard.ALWAYS, null,
            List.of(Guarded.always(attr(F, "NodeRole", "Ref", at(F, 12)))));
    LaunchTemplateNode lt =
        new LaunchTemplateNode(new NodeId(F, "Template"), span(F, 15, 3, 8), Guard.ALWAYS, null,
            attr(F, "Profile", "Arn", at(F, 17)), null);
    AutoScalingGroupNode asg =
        new AutoScalingGroupNode(new NodeId(F, "Nodes"), span(F, 20, 3, 5), Guard.of("WithNodes", true),
            attr(F, "Template", "Ref", at(F, 22)), "tagged 'kubernetes.io/cluster/prod'");
    AutoScalingGroupNode untagged =
        new AutoScalingGroupNode(new NodeId(F, "Plain"), span(F, 30, 3, 5), Guard.ALWAYS,
            attr(F, "Template", "Ref", at(F, 32)), null);
    LinkedGraph roles = nodeRoles(List.of(), role, profile, lt, asg, untagged);

    assertEquals(List.of(new Evidence.LaunchTemplate(lt, profile, asg, Guard.of("WithNodes", true))), roles.evidence(role));
  }

  @Test
  void aLaunchTemplateWithoutEvidenceUsedByAnUntaggedGroupLaunchesNothingKnown() {
    RoleNode role = G.role(F, "NodeRole", 5).build();
    InstanceProfileNode profile =
        new InstanceProfileNode(new NodeId(F, "Profile"), span(F, 10, 3, 7), Guard.ALWAYS, null,
            List.of(Guarded.always(attr(F, "NodeRole", "Ref", at(F, 12)))));
    LaunchTemplateNode lt =
        new LaunchTemplateNode(new NodeId(F, "Template"), span(F, 15, 3, 8), Guard.ALWAYS, null,
            attr(F, "Profile", "Arn", at(F, 17)), null);
    AutoScalingGroupNode untagged =
        new AutoScalingGroupNode(new NodeId(F, "Plain"), span(F, 30, 3, 5), Guard.ALWAYS,
            attr(F, "Template", "Ref", at(F, 32)), null);
    LinkedGraph roles = nodeRoles(List.of(), role, profile, lt, untagged);
    assertEquals(List.of(), roles.evidence(role));
    assertFalse(roles.isNodeRole(role));
  }

  private static ClusterNode autoModeCluster(Guard guard, String enabled, dev.polygraph.value.Value nodeRole) {
    return new ClusterNode(new NodeId(F, "Cluster"), span(F, 40, 3, 7), guard, Text.of("prod", at(F, 42)),
        attr(F, "ClusterRole", "Arn", at(F, 43)), null, enabled == null ? null : Text.of(enabled, at(F, 45)),
        nodeRole);
  }

  @Test
  void theRoleAnAutoModeComputeConfigNamesIsANodeRoleServingThatCluster() {
    RoleNode role = G.role(F, "AutoNodeRole", 5).aws("AmazonEKSWorkerNodeMinimalPolicy", 9).build();
    RoleNode clusterRole = G.role(F, "ClusterRole", 20).build();
    ClusterNode cluster = autoModeCluster(Guard.of("WithCluster", true), "true", attr(F, "AutoNodeRole", "Arn", at(F, 46)));
    LinkedGraph roles = nodeRoles(List.of(), role, clusterRole, cluster);

    assertEquals(
        List.of(
            new Evidence.AutoModeCluster(cluster, Guard.of("WithCluster", true)),
            new Evidence.WorkerNodePolicy(
                role, "AmazonEKSWorkerNodeMinimalPolicy", null, span(F, 9, 11, 40), Guard.ALWAYS)),
        roles.evidence(role));
    assertEquals(List.of(cluster), roles.clustersServed(role));
    assertEquals(List.of(role), roles.nodeRoles());
    assertEquals(List.of(cluster), roles.clustersRunningAs(clusterRole));
    assertFalse(roles.isNodeRole(clusterRole));
  }

  @Test
  void anAutoModeNodeRoleChosenByAConditionIsANodeRoleOnlyUnderIt() {
    RoleNode role = G.role(F, "AutoNodeRole", 5).build();
    ClusterNode cluster =
        autoModeCluster(Guard.of("WithCluster", true), null,
            G.ifThen("AutoMode", attr(F, "AutoNodeRole", "Arn", at(F, 46)), G.noValue(at(F, 46))));
    LinkedGraph roles = nodeRoles(List.of(), role, cluster);

    assertEquals(
        List.of(
            new Evidence.AutoModeCluster(
                cluster, Guard.of("WithCluster", true).and(Guard.of("AutoMode", true)).orElseThrow())),
        roles.evidence(role));
    assertEquals(List.of(cluster), roles.clustersServed(role));
  }

  @Test
  void aComputeConfigWithAutoModeSwitchedOffOrNamingNoRoleInScopeMakesNoNodeRole() {
    RoleNode role = G.role(F, "AutoNodeRole", 5).build();
    ClusterNode off = autoModeCluster(Guard.ALWAYS, "false", attr(F, "AutoNodeRole", "Arn", at(F, 46)));
    LinkedGraph whenOff = nodeRoles(List.of(), role, off);
    assertFalse(whenOff.isNodeRole(role));
    assertEquals(List.of(), whenOff.clustersServed(role));

    ClusterNode elsewhere =
        autoModeCluster(Guard.ALWAYS, "true", Text.of("arn:aws:iam::111122223333:role/AmazonEKSAutoNodeRole", at(F, 46)));
    LinkedGraph outOfScope = nodeRoles(List.of(), role, elsewhere);
    assertFalse(outOfScope.isNodeRole(role));
    assertEquals(List.of(), outOfScope.nodeRoles());
  }
}
