package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.rules.Scene.SUBJECT;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.testkit.Runs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRoleCniIpv6Test {

  private final Rule rule = new NodeRoleCniIpv6();

  private static RoleNode nodeRoleWith(PolicyDocument cni) {
    return Scene.nodeRole("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly").inline(cni).build();
  }

  @Test
  void theUserGuidesIpv6PolicyPasses() {
    RoleNode role = nodeRoleWith(Cni.ipv6Policy());
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.cluster("ipv6", false), Scene.workers())));
  }

  @Test
  void missingAssignIpv6AddressesIsNamed() {
    RoleNode role = nodeRoleWith(Cni.ipv6Policy(Cni.DESCRIBES, Cni.networkInterfaces()));
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.cluster("ipv6", null), Scene.workers()));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        SUBJECT + " is not granted the permissions the IPv6 VPC CNI needs (missing 'ec2:AssignIpv6Addresses').",
        f.message());
    assertEquals(Level.ERROR, f.level());
    assertEquals(span(F, 20, 7, 17), f.location().span());
    assertEquals("NodeRole", f.location().address());
    assertEquals("EKS006|nodes.yaml|NodeRole|ec2:AssignIpv6Addresses", f.fingerprint());
  }

  @Test
  void createTagsOnAnotherResourceTypeIsMissing() {
    List<String> all = new ArrayList<>(Cni.DESCRIBES);
    all.add(0, "ec2:AssignIpv6Addresses");
    RoleNode role = nodeRoleWith(Cni.ipv6Policy(all, "arn:aws:ec2:*:*:instance/*"));
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.cluster("ipv6", null), Scene.workers()));

    assertEquals(
        SUBJECT + " is not granted the permissions the IPv6 VPC CNI needs (missing 'ec2:CreateTags').",
        findings.get(0).message());
  }

  @Test
  void ipv4ClustersAreNotChecked() {
    RoleNode role = Scene.classicNodeRole().build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.cluster("ipv4", null), Scene.workers())));
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.workers())));
  }

  @Test
  void theConfiguredFamilyWithAnAssumedCniRoleIsAWarning() {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodePolicy").build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role), Runs.ipFamily("ipv6"));

    assertEquals(1, findings.size());
    assertEquals(Level.WARNING, findings.get(0).level());
    assertEquals(
        "Node role 'NodeRole' (attaches 'AmazonEKSWorkerNodePolicy') is not granted the permissions the IPv6"
            + " VPC CNI needs (missing 'ec2:AssignIpv6Addresses', 'ec2:DescribeTags',"
            + " 'ec2:DescribeNetworkInterfaces', 'ec2:CreateTags'), assuming the VPC CNI uses the node role;"
            + " set eks.cni-role.",
        findings.get(0).message());
  }
}
