package dev.polygraph.link;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy graph of one scan as the {@link Linker} resolved it: the nodes, the typed edges between
 * them, and the facts rules read — which roles are node roles and why, cluster and CNI roles, each
 * cluster's IP family and Auto Mode, the permissions of each role. Immutable, made once per scan and
 * shared by every rule (and by the audit inventory).
 */
public final class LinkedGraph {

  private final PolicyGraph graph;
  private final Map<NodeId, GraphNode> byId;
  private final Edges edges;
  private final NodeRoles nodeRoles;
  private final Permissions permissions;
  private final Map<NodeId, Choice<IpFamily>> ipFamilies;
  private final Map<NodeId, Choice<Boolean>> autoModes;
  private final Map<NodeId, Choice<Boolean>> roleAutoModes;
  private final List<CniUse> cniUses;

  LinkedGraph(
      PolicyGraph graph,
      Map<NodeId, GraphNode> byId,
      Edges edges,
      NodeRoles nodeRoles,
      Permissions permissions,
      Map<NodeId, Choice<IpFamily>> ipFamilies,
      Map<NodeId, Choice<Boolean>> autoModes,
      Map<NodeId, Choice<Boolean>> roleAutoModes,
      List<CniUse> cniUses) {
    this.graph = graph;
    this.byId = Map.copyOf(byId);
    this.edges = edges;
    this.nodeRoles = nodeRoles;
    this.permissions = permissions;
    this.ipFamilies = Map.copyOf(ipFamilies);
    this.autoModes = Map.copyOf(autoModes);
    this.roleAutoModes = Map.copyOf(roleAutoModes);
    this.cniUses = List.copyOf(cniUses);
  }

  /** The graph as loaded. */
  public PolicyGraph graph() {
    return graph;
  }

  /** Every resolved reference. */
  public Edges edges() {
    return edges;
  }

  /** The node with this id, if it is of the wanted kind. */
  public <T extends GraphNode> Optional<T> node(NodeId id, Class<T> kind) {
    GraphNode n = byId.get(id);
    return kind.isInstance(n) ? Optional.of(kind.cast(n)) : Optional.empty();
  }

  /** What an edge leads to, if it is a node of the wanted kind. */
  public <T extends GraphNode> Optional<T> target(Edge edge, Class<T> kind) {
    return edge.toNode().flatMap(id -> node(id, kind));
  }

  /** Every node role, in graph order. */
  public List<RoleNode> nodeRoles() {
    return nodeRoles.nodeRoles();
  }

  public boolean isNodeRole(RoleNode role) {
    return !nodeRoles.evidence(role).isEmpty();
  }

  /** Why the role is a node role, in a fixed order (node groups first); empty when it is not one. */
  public List<Evidence> evidence(RoleNode role) {
    return nodeRoles.evidence(role);
  }

  /** The worker-node policies the role attaches, under any condition; empty when none. */
  public Set<String> workerNodePolicies(RoleNode role) {
    return nodeRoles.workerNodePolicies(role);
  }

  /** The clusters that run as this role (it is their cluster role). */
  public List<ClusterNode> clustersRunningAs(RoleNode role) {
    return nodeRoles.clustersRunningAs(role);
  }

  public boolean isClusterRole(RoleNode role) {
    return !nodeRoles.clustersRunningAs(role).isEmpty();
  }

  /** The clusters whose nodes run as this role (node groups, access entries, Auto Mode compute configs). */
  public List<ClusterNode> clustersServed(RoleNode role) {
    return nodeRoles.clustersServed(role);
  }

  /** The roles the cluster's VPC CNI runs as; empty when the CNI uses the node role (EKS's default). */
  public List<CniRole> cniRoles(ClusterNode cluster) {
    return nodeRoles.cniRoles(cluster);
  }

  /** The cluster's IP family: decided (unset is IPv4), one of several under conditions, or not known. */
  public Choice<IpFamily> ipFamily(ClusterNode cluster) {
    return ipFamilies.get(cluster.id());
  }

  /** Whether the cluster runs EKS Auto Mode: decided, one of several under conditions, or not known. */
  public Choice<Boolean> autoMode(ClusterNode cluster) {
    return autoModes.get(cluster.id());
  }

  /**
   * Whether the node role's nodes are EKS Auto Mode nodes: every cluster it serves runs Auto Mode; or,
   * when it serves none in scope, its only worker-node policy is AmazonEKSWorkerNodeMinimalPolicy,
   * which the tools that make node roles (eksctl, terraform-aws-eks) attach to Auto Mode node roles only.
   */
  public Choice<Boolean> autoMode(RoleNode nodeRole) {
    return roleAutoModes.getOrDefault(nodeRole.id(), Choice.of(false));
  }

  /** Every role whose permissions the VPC CNI uses, with the IP families it serves. */
  public List<CniUse> cniUses() {
    return cniUses;
  }

  /** The identity policies and boundary of every role, and their policy set per scenario. */
  public Permissions permissions() {
    return permissions;
  }
}
