package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.rules.Scene.SUBJECT;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRoleCniIpv4Test {

  private final Rule rule = new NodeRoleCniIpv4();

  private static final String MISSING_BEYOND_WORKER_NODE =
      "(missing 'ec2:AssignPrivateIpAddresses', 'ec2:AttachNetworkInterface', 'ec2:CreateNetworkInterface',"
          + " 'ec2:DeleteNetworkInterface', 'ec2:DescribeTags', 'ec2:DescribeNetworkInterfaces',"
          + " 'ec2:DetachNetworkInterface', 'ec2:ModifyNetworkInterfaceAttribute',"
          + " 'ec2:UnassignPrivateIpAddresses', 'ec2:CreateTags')";

  @Test
  void cniPolicyOnTheNodeRolePasses() {
    RoleNode role = Scene.classicNodeRole().build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.cluster("ipv4", false), Scene.workers())));
  }

  @Test
  void anIpv4ClusterWithoutAddonNeedsItOnTheNodeRole() {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly").build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.cluster(null, null), Scene.workers()));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        SUBJECT + " is not granted the permissions of 'AmazonEKS_CNI_Policy' " + MISSING_BEYOND_WORKER_NODE + ".",
        f.message());
    assertEquals(Level.ERROR, f.level());
    assertEquals(span(F, 20, 7, 17), f.location().span());
  }

  @Test
  void withNoClusterInScopeIpv4IsAssumedAndTheFindingIsAWarning() {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodePolicy").build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        "Node role 'NodeRole' (attaches 'AmazonEKSWorkerNodePolicy') is not granted the permissions of"
            + " 'AmazonEKS_CNI_Policy' "
            + MISSING_BEYOND_WORKER_NODE
            + ", assuming an IPv4 cluster; set --ip-family or eks.ip-family;"
            + " assuming the VPC CNI uses the node role; set eks.cni-role.",
        f.message());
    assertEquals(Level.WARNING, f.level());
  }

  @Test
  void anAutoModeNodeRoleKnownByItsMinimalPolicyNeedsNoCniPermissions() {
    RoleNode minimal = Scene.nodeRole("AmazonEKSWorkerNodeMinimalPolicy", "AmazonEC2ContainerRegistryPullOnly").build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(minimal)));
    // The minimal policy next to the classic one says nothing about Auto Mode: the warning stays.
    RoleNode both = Scene.nodeRole("AmazonEKSWorkerNodeMinimalPolicy", "AmazonEKSWorkerNodePolicy").build();
    assertEquals(1, Runs.run(rule, Runs.graph(both)).size());
  }

  @Test
  void settingsRemoveTheAssumptions() {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodePolicy").build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role), Runs.settings("ipv4", "node", List.of()));

    assertEquals(1, findings.size());
    assertEquals(Level.ERROR, findings.get(0).level());
    assertEquals(
        "Node role 'NodeRole' (attaches 'AmazonEKSWorkerNodePolicy') is not granted the permissions of"
            + " 'AmazonEKS_CNI_Policy' " + MISSING_BEYOND_WORKER_NODE + ".",
        findings.get(0).message());

    assertEquals(List.of(), Runs.run(rule, Runs.graph(role), Runs.settings(null, "separate", List.of())));
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role), Runs.settings("ipv6", null, List.of())));
  }

  @Test
  void theIpv6PermissionIsEvidenceOfAnIpv6Cluster() {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodePolicy").inline(Cni.ipv6Policy()).build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role)));
  }

  @Test
  void theAddonsOwnRoleNeedsItInsteadOfTheNodeRole() {
    RoleNode node = Scene.nodeRole("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly").build();
    RoleNode cniRole = G.role(F, "CniRole", 70).managedKey(75).aws("AmazonEKS_CNI_Policy", 76).build();
    assertEquals(
        List.of(),
        Runs.run(rule, Runs.graph(node, cniRole, Scene.cluster(null, null), Scene.workers(), Cni.addon())));

    RoleNode bareCniRole = G.role(F, "CniRole", 70).build();
    List<Finding> findings =
        Runs.run(rule, Runs.graph(node, bareCniRole, Scene.cluster(null, null), Scene.workers(), Cni.addon()));
    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(span(F, 70, 3, 7), f.location().span());
    assertEquals("CniRole", f.location().address());
    assertEquals(span(F, 60, 3, 6), f.related().get(0).span());
    assertEquals(
        "VPC CNI role 'CniRole' (used by add-on 'VpcCni') is not granted the permissions of"
            + " 'AmazonEKS_CNI_Policy' (missing 'ec2:AssignPrivateIpAddresses', 'ec2:AttachNetworkInterface',"
            + " 'ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeInstances',"
            + " 'ec2:DescribeTags', 'ec2:DescribeNetworkInterfaces', 'ec2:DescribeInstanceTypes',"
            + " 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'ec2:DetachNetworkInterface',"
            + " 'ec2:ModifyNetworkInterfaceAttribute', 'ec2:UnassignPrivateIpAddresses', 'ec2:CreateTags').",
        f.message());
  }

  @Test
  void autoModeClustersManageNetworking() {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodeMinimalPolicy").build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.cluster(null, true), Scene.workers())));
  }

  @Test
  void anIpv6ClusterIsNotChecked() {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodePolicy").build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.cluster("IPv6", null), Scene.workers())));
  }
}
