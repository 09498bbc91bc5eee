package dev.polygraph.rules;

import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.span;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.testkit.G;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;

/**
 * The usual shape of an EKS template, in file "nodes.yaml": role 'NodeRole' at line 10 (trust policy
 * from line 14, statement on line 16, ManagedPolicyArns key on line 20 and items from 21), cluster
 * 'Cluster' at line 40, node group 'Workers' at line 50.
 */
final class Scene {

  static final String F = "nodes.yaml";
  static final int ROLE_LINE = 10;
  static final int TRUST_LINE = 14;
  static final int KEY_LINE = 20;

  private Scene() {}

  /** A node role with the EKS user guide's trust policy, the ManagedPolicyArns key on line 20 and these policies. */
  static G.RoleBuilder nodeRole(String... awsPolicies) {
    G.RoleBuilder b =
        G.role(F, "NodeRole", ROLE_LINE).name("eks-nodes").trust(G.trustEc2(at(F, TRUST_LINE))).managedKey(KEY_LINE);
    for (int i = 0; i < awsPolicies.length; i++) {
      b.aws(awsPolicies[i], KEY_LINE + 1 + i);
    }
    return b;
  }

  /** The three policies the EKS user guide attaches to IPv4 node roles. */
  static G.RoleBuilder classicNodeRole() {
    return nodeRole("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonEKS_CNI_Policy");
  }

  static ClusterNode cluster(String ipFamily, Boolean autoMode) {
    Value family = ipFamily == null ? null : Text.of(ipFamily, at(F, 43));
    Value auto = autoMode == null ? null : Text.of(autoMode.toString(), at(F, 44));
    return new ClusterNode(
        new NodeId(F, "Cluster"),
        span(F, 40, 3, 7),
        Guard.ALWAYS,
        Text.of("prod", at(F, 42)),
        attr(F, "ClusterRole", "Arn", at(F, 45)),
        family,
        auto);
  }

  static NodeGroupNode workers() {
    return new NodeGroupNode(
        new NodeId(F, "Workers"),
        span(F, 50, 3, 7),
        Guard.ALWAYS,
        null,
        attr(F, "Cluster", "Ref", at(F, 52)),
        attr(F, "NodeRole", "Arn", at(F, 53)),
        null);
  }

  static final String SUBJECT = "Node role 'NodeRole' (used by node group 'Workers')";
}
