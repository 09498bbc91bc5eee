package dev.polygraph.link;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.PolicyEvaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The link stage: turns the loaded graph into a {@link LinkedGraph} once per scan. References are
 * resolved into typed edges first ({@link EdgeBuilder}); every fact is then read off the edges, so
 * data flows one way and no rule resolves a reference again.
 */
public final class Linker {

  /** The worker-node policy that alone, on a role no cluster in scope serves, marks an Auto Mode node role. */
  private static final String WORKER_NODE_MINIMAL = "AmazonEKSWorkerNodeMinimalPolicy";

  private Linker() {}

  public static LinkedGraph link(
      PolicyGraph graph, LinkSettings settings, ManagedPolicies managed, PolicyEvaluator evaluator) {
    Links links = new Links(graph);
    Map<NodeId, GraphNode> byId = new HashMap<>();
    graph.nodes().forEach(n -> byId.put(n.id(), n));
    Function<NodeId, Optional<GraphNode>> nodes = id -> Optional.ofNullable(byId.get(id));

    Edges edges = EdgeBuilder.build(graph, links);
    Permissions permissions = new Permissions(edges, nodes, managed);
    NodeRoles nodeRoles = new NodeRoles(graph, edges, nodes, settings.nodeRoles());
    Map<NodeId, Choice<IpFamily>> ipFamilies = new HashMap<>();
    Map<NodeId, Choice<Boolean>> autoModes = new HashMap<>();
    for (ClusterNode c : graph.nodes(ClusterNode.class)) {
      ipFamilies.put(c.id(), Clusters.ipFamily(c));
      autoModes.put(c.id(), Clusters.autoMode(c));
    }
    Map<NodeId, Choice<Boolean>> roleAutoModes = new HashMap<>();
    for (RoleNode role : nodeRoles.nodeRoles()) {
      List<ClusterNode> served = nodeRoles.clustersServed(role);
      if (served.isEmpty()) {
        roleAutoModes.put(role.id(), Choice.of(nodeRoles.workerNodePolicies(role).equals(Set.of(WORKER_NODE_MINIMAL))));
      } else {
        List<Choice<Boolean>> modes = new ArrayList<>();
        served.forEach(c -> modes.add(autoModes.get(c.id())));
        roleAutoModes.put(role.id(), Choice.all(modes));
      }
    }
    List<CniUse> cniUses =
        CniUses.of(graph, nodeRoles, ipFamilies, autoModes, r -> roleAutoModes.get(r.id()), permissions, evaluator, settings);
    return new LinkedGraph(
        graph, byId, edges, nodeRoles, permissions, ipFamilies, autoModes, roleAutoModes, cniUses);
  }
}
