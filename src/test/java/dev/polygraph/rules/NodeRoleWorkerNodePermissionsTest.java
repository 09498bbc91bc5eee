package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.rules.Scene.SUBJECT;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.value.Guard;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRoleWorkerNodePermissionsTest {

  private final Rule rule = new NodeRoleWorkerNodePermissions();

  @Test
  void managedPolicyAttachedPasses() {
    RoleNode role = Scene.classicNodeRole().build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.cluster(null, null), Scene.workers())));
  }

  @Test
  void missingActionsAreListedAtTheManagedPolicyArnsKey() {
    RoleNode role = Scene.nodeRole("AmazonEC2ContainerRegistryReadOnly").build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.cluster(null, null), Scene.workers()));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        SUBJECT
            + " is not granted the permissions of 'AmazonEKSWorkerNodePolicy' (missing 'ec2:DescribeInstances',"
            + " 'ec2:DescribeInstanceTypes', 'ec2:DescribeRouteTables', 'ec2:DescribeSecurityGroups',"
            + " 'ec2:DescribeSubnets', 'ec2:DescribeVolumes', 'ec2:DescribeVolumesModifications',"
            + " 'ec2:DescribeVpcs', 'eks:DescribeCluster', 'eks-auth:AssumeRoleForPodIdentity').",
        f.message());
    assertEquals(Level.ERROR, f.level());
    assertEquals(span(F, 20, 7, 17), f.location().span());
    assertEquals("NodeRole", f.location().address());
    assertEquals(span(F, 50, 3, 7), f.related().get(0).span());
    assertEquals(span(F, 40, 3, 7), f.related().get(1).span());
    assertEquals(
        "attach arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy or allow the missing actions",
        f.help());
  }

  @Test
  void aCustomPolicyWithTheSameActionsPasses() {
    Span s = at(F, 30);
    RoleNode role =
        Scene.nodeRole()
            .inline(
                G.policy(
                    "inline policy 'nodes'",
                    s,
                    G.allow(
                        G.next(s, 2),
                        List.of(
                            "ec2:Describe*", "eks:DescribeCluster", "eks-auth:AssumeRoleForPodIdentity"),
                        "*")))
            .build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.workers())));
  }

  @Test
  void withoutManagedPolicyArnsTheFindingPointsAtTheRole() {
    // The minimal policy on a role of a cluster that is not in Auto Mode: the classic set applies.
    RoleNode role =
        G.role(F, "NodeRole", 10).trust(G.trustEc2(at(F, 14))).aws("AmazonEKSWorkerNodeMinimalPolicy", 21).build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.cluster(null, false), Scene.workers()));

    assertEquals(1, findings.size());
    assertEquals(span(F, 10, 3, 8), findings.get(0).location().span());
    assertEquals(
        "Node role 'NodeRole' (used by node group 'Workers') is not granted the permissions of"
            + " 'AmazonEKSWorkerNodePolicy' (missing 'ec2:DescribeInstances', 'ec2:DescribeInstanceTypes',"
            + " 'ec2:DescribeRouteTables', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets',"
            + " 'ec2:DescribeVolumes', 'ec2:DescribeVolumesModifications', 'ec2:DescribeVpcs',"
            + " 'eks:DescribeCluster').",
        findings.get(0).message());
  }

  @Test
  void aRoleServingNoClusterInScopeWithOnlyTheMinimalPolicyIsAnAutoModeNodeRole() {
    // eksctl and terraform-aws-eks attach AmazonEKSWorkerNodeMinimalPolicy only to Auto Mode node roles.
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodeMinimalPolicy", "AmazonEC2ContainerRegistryPullOnly").build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role)));
  }

  @Test
  void autoModeNodesNeedOnlyTheMinimalPolicy() {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodeMinimalPolicy", "AmazonEC2ContainerRegistryPullOnly").build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.cluster(null, true), Scene.workers())));
  }

  @Test
  void autoModeNodesMissingTheMinimalPolicyNameIt() {
    RoleNode role = Scene.nodeRole("AmazonEC2ContainerRegistryPullOnly").build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.cluster(null, true), Scene.workers()));

    assertEquals(1, findings.size());
    assertEquals(
        SUBJECT
            + " is not granted the permissions of 'AmazonEKSWorkerNodeMinimalPolicy'"
            + " (missing 'eks-auth:AssumeRoleForPodIdentity').",
        findings.get(0).message());
  }

  @Test
  void aCustomerPolicyOutsideTheScanIsUndecidedNotAFailure() {
    RoleNode role =
        Scene.nodeRole()
            .managed(Text.of("arn:aws:iam::111122223333:policy/eks-nodes", at(F, 21)))
            .build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.workers())));

    List<Finding> open = Runs.run(rule, Runs.graph(role, Scene.workers()), Runs.undecided());
    assertEquals(1, open.size());
    assertEquals(Finding.Kind.OPEN, open.get(0).kind());
    assertEquals(Level.NOTE, open.get(0).level());
    assertEquals(span(F, 20, 7, 17), open.get(0).location().span());
    assertEquals(
        SUBJECT
            + " may lack the permissions of 'AmazonEKSWorkerNodePolicy' ('ec2:DescribeInstances',"
            + " 'ec2:DescribeInstanceTypes', 'ec2:DescribeRouteTables', 'ec2:DescribeSecurityGroups',"
            + " 'ec2:DescribeSubnets', 'ec2:DescribeVolumes', 'ec2:DescribeVolumesModifications',"
            + " 'ec2:DescribeVpcs', 'eks:DescribeCluster', 'eks-auth:AssumeRoleForPodIdentity'):"
            + " customer-managed policy 'arn:aws:iam::111122223333:policy/eks-nodes' is outside the scan.",
        open.get(0).message());
  }

  @Test
  void aNodeGroupInOneFileLinksToItsRoleInAnotherByArn() {
    RoleNode role =
        G.role("iam.yaml", "NodeInstanceRole", 3)
            .name("eks-nodes")
            .trust(G.trustEc2(at("iam.yaml", 7)))
            .managedKey(12)
            .aws("AmazonEC2ContainerRegistryReadOnly", 13)
            .build();
    NodeGroupNode ng =
        new NodeGroupNode(
            new NodeId("eks.yaml", "Workers"), span("eks.yaml", 30, 3, 7), Guard.ALWAYS, null, null,
            G.sub(at("eks.yaml", 33), "arn:", G.partition(), ":iam::", G.account(), ":role/eks-nodes"), null);
    List<Finding> findings = Runs.run(rule, Runs.graph(ng, role));

    assertEquals(1, findings.size());
    assertEquals(span("iam.yaml", 12, 7, 17), findings.get(0).location().span());
    assertEquals(span("eks.yaml", 30, 3, 7), findings.get(0).related().get(0).span());
    assertEquals(
        "Node role 'NodeInstanceRole' (used by node group 'Workers') is not granted the permissions of"
            + " 'AmazonEKSWorkerNodePolicy' (missing 'ec2:DescribeInstances', 'ec2:DescribeInstanceTypes',"
            + " 'ec2:DescribeRouteTables', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets',"
            + " 'ec2:DescribeVolumes', 'ec2:DescribeVolumesModifications', 'ec2:DescribeVpcs',"
            + " 'eks:DescribeCluster', 'eks-auth:AssumeRoleForPodIdentity').",
        findings.get(0).message());
  }

  @Test
  void aRoleThatIsNoNodeRoleIsNotChecked() {
    RoleNode role = G.role(F, "LambdaRole", 10).trust(G.trustEc2(at(F, 14))).build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role)));
  }
}
