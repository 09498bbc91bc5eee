package dev.polygraph.rules;

import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.AccessEntryNode;
import dev.polygraph.graph.AddonNode;
import dev.polygraph.graph.AutoScalingGroupNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.Declaration;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PodIdentityAssociationNode;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.link.CniRole;
import dev.polygraph.link.Edge;
import dev.polygraph.link.Evidence;
import dev.polygraph.testkit.G;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How messages word each kind of node-role evidence and each source of a CNI role. */
class ReasonsTest {

  private static final String F = "t.yaml";

  private final RoleNode role = G.role(F, "NodeRole", 5).build();
  private final ClusterNode cluster =
      new ClusterNode(new NodeId(F, "Cluster"), span(F, 40, 3, 7), Guard.ALWAYS, Text.of("prod", at(F, 42)),
          null, null, null);
  private final InstanceProfileNode profile =
      new InstanceProfileNode(new NodeId(F, "Profile"), span(F, 10, 3, 7), Guard.ALWAYS, null,
          List.of(Guarded.always(attr(F, "NodeRole", "Ref", at(F, 12)))));

  private static void words(Evidence e, String text, Location location, List<Location> related) {
    assertEquals(text, Reasons.text(e));
    assertEquals(location, Reasons.location(e));
    assertEquals(related, Reasons.related(e));
  }

  @Test
  void aNodeGroupAndItsCluster() {
    NodeGroupNode ng =
        new NodeGroupNode(new NodeId(F, "Workers"), span(F, 50, 3, 7), Guard.ALWAYS, null,
            attr(F, "Cluster", "Ref", at(F, 52)), attr(F, "NodeRole", "Arn", at(F, 53)), null);
    words(
        new Evidence.NodeGroup(ng, cluster, Guard.ALWAYS),
        "used by node group 'Workers'",
        new Location(span(F, 50, 3, 7), "Workers", "Node group 'Workers' runs as this role."),
        List.of(new Location(span(F, 40, 3, 7), "Cluster", "Cluster 'Cluster' of node group 'Workers'.")));
    words(
        new Evidence.NodeGroup(ng, null, Guard.ALWAYS),
        "used by node group 'Workers'",
        new Location(span(F, 50, 3, 7), "Workers", "Node group 'Workers' runs as this role."),
        List.of());
  }

  @Test
  void anAutoModeCluster() {
    words(
        new Evidence.AutoModeCluster(cluster, Guard.ALWAYS),
        "node role of EKS Auto Mode cluster 'Cluster'",
        new Location(span(F, 40, 3, 7), "Cluster", "EKS Auto Mode cluster 'Cluster' launches its nodes with this role."),
        List.of());
  }

  @Test
  void aLaunchTemplateThatSaysItLaunchesNodesOrIsUsedByATaggedGroup() {
    LaunchTemplateNode own =
        new LaunchTemplateNode(new NodeId(F, "Template"), span(F, 15, 3, 8), Guard.ALWAYS, null,
            attr(F, "Profile", "Arn", at(F, 17)), "user data runs '/etc/eks/bootstrap.sh'");
    words(
        new Evidence.LaunchTemplate(own, profile, null, Guard.ALWAYS),
        "in instance profile 'Profile' of launch template 'Template'",
        new Location(span(F, 15, 3, 8), "Template",
            "Launch template 'Template' launches EKS nodes (user data runs '/etc/eks/bootstrap.sh')."),
        List.of(new Location(span(F, 10, 3, 7), "Profile", "Instance profile 'Profile' holds this role.")));

    LaunchTemplateNode silent =
        new LaunchTemplateNode(new NodeId(F, "Template"), span(F, 15, 3, 8), Guard.ALWAYS, null,
            attr(F, "Profile", "Arn", at(F, 17)), null);
    AutoScalingGroupNode asg =
        new AutoScalingGroupNode(new NodeId(F, "Nodes"), span(F, 20, 3, 5), Guard.ALWAYS,
            attr(F, "Template", "Ref", at(F, 22)), "tagged 'kubernetes.io/cluster/prod'");
    words(
        new Evidence.LaunchTemplate(silent, profile, asg, Guard.ALWAYS),
        "in instance profile 'Profile' of launch template 'Template'",
        new Location(span(F, 15, 3, 8), "Template",
            "Launch template 'Template' launches EKS nodes (Auto Scaling group 'Nodes' is tagged"
                + " 'kubernetes.io/cluster/prod')."),
        List.of(
            new Location(span(F, 10, 3, 7), "Profile", "Instance profile 'Profile' holds this role."),
            new Location(span(F, 20, 3, 5), "Nodes",
                "Auto Scaling group 'Nodes' starts instances from launch template 'Template' and is tagged"
                    + " 'kubernetes.io/cluster/prod'.")));
  }

  @Test
  void anAccessEntry() {
    AccessEntryNode entry =
        new AccessEntryNode(new NodeId(F, "Entry"), span(F, 25, 3, 5), Guard.ALWAYS,
            attr(F, "Cluster", "Ref", at(F, 26)), attr(F, "NodeRole", "Arn", at(F, 27)), Text.of("EC2_LINUX", at(F, 28)));
    words(
        new Evidence.AccessEntry(entry, "EC2_LINUX", cluster, Guard.ALWAYS),
        "named by access entry 'Entry' of type 'EC2_LINUX'",
        new Location(span(F, 25, 3, 5), "Entry", "Access entry 'Entry' of type 'EC2_LINUX' names this role."),
        List.of(new Location(span(F, 40, 3, 7), "Cluster", "Cluster 'Cluster' of access entry 'Entry'.")));
  }

  @Test
  void theConfigAndTheWorkerNodePolicy() {
    Declaration declared = new Declaration("eks-node", "ipv6", span(F, 2, 3, 20));
    words(
        new Evidence.Declared(role, declared),
        "declared 'eks-node' in the config",
        new Location(span(F, 2, 3, 20), "NodeRole", "The config declares this role a node role."),
        List.of());
    words(
        new Evidence.Listed(role, "*-nodes"),
        "listed in eks.node-roles",
        new Location(role.span(), "NodeRole", "eks.node-roles lists this role."),
        List.of());
    words(
        new Evidence.WorkerNodePolicy(role, "AmazonEKSWorkerNodePolicy", null, span(F, 62, 11, 40), Guard.ALWAYS),
        "attaches 'AmazonEKSWorkerNodePolicy'",
        new Location(span(F, 62, 11, 40), "NodeRole", "The role attaches 'AmazonEKSWorkerNodePolicy'."),
        List.of());
    String tf = "main.tf";
    PolicyAttachmentNode worker =
        new PolicyAttachmentNode(new NodeId(tf, "aws_iam_role_policy_attachment.worker"), span(tf, 10, 1, 60),
            Guard.ALWAYS, List.of(Guarded.always(attr(tf, "aws_iam_role.node", "name", at(tf, 11)))),
            G.awsPolicyArn("AmazonEKSWorkerNodeMinimalPolicy", at(tf, 12)));
    words(
        new Evidence.WorkerNodePolicy(role, "AmazonEKSWorkerNodeMinimalPolicy", worker, span(tf, 10, 1, 60), Guard.ALWAYS),
        "attaches 'AmazonEKSWorkerNodeMinimalPolicy' through 'aws_iam_role_policy_attachment.worker'",
        new Location(span(tf, 10, 1, 60), "aws_iam_role_policy_attachment.worker",
            "Policy attachment 'aws_iam_role_policy_attachment.worker' attaches"
                + " 'AmazonEKSWorkerNodeMinimalPolicy' to this role."),
        List.of());
  }

  @Test
  void whoGivesTheVpcCniARole() {
    AddonNode addon =
        new AddonNode(new NodeId(F, "VpcCni"), span(F, 60, 3, 6), Guard.ALWAYS, Text.of("vpc-cni", at(F, 62)),
            attr(F, "Cluster", "Ref", at(F, 63)), attr(F, "CniRole", "Arn", at(F, 64)), List.of());
    CniRole byAddon = new CniRole(addon, cluster, role, new Edge.Target.Node(role.id()), Guard.ALWAYS);
    assertEquals("used by add-on 'VpcCni'", Reasons.text(byAddon));
    assertEquals(
        new Location(span(F, 60, 3, 6), "VpcCni", "The VPC CNI add-on 'VpcCni' runs as this role."),
        Reasons.location(byAddon));
    PodIdentityAssociationNode pia =
        new PodIdentityAssociationNode(new NodeId(F, "AwsNode"), span(F, 70, 3, 7), Guard.ALWAYS,
            Text.of("prod", at(F, 71)), Text.of("kube-system", at(F, 72)), Text.of("aws-node", at(F, 73)),
            attr(F, "CniRole", "Arn", at(F, 74)));
    CniRole byAssociation = new CniRole(pia, cluster, role, new Edge.Target.Node(role.id()), Guard.ALWAYS);
    assertEquals("used by pod identity association 'AwsNode'", Reasons.text(byAssociation));
    assertEquals(
        new Location(span(F, 70, 3, 7), "AwsNode", "Pod identity association 'AwsNode' gives the VPC CNI this role."),
        Reasons.location(byAssociation));
  }
}
