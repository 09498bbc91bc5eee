package dev.polygraph.link;

import dev.polygraph.graph.AccessEntryNode;
import dev.polygraph.graph.AutoScalingGroupNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.WildcardMatcher;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which roles are EKS node roles and the evidence for each, which roles clusters run as, the
 * clusters a node role serves and the roles the VPC CNI runs as: read off the edges, once.
 *
 * <p>A role is a node role by evidence that nodes run as it (a node group, a launch template's
 * instance profile, an access entry of type EC2, an Auto Mode compute config, the config), or when
 * it attaches a worker-node policy.
 */
final class NodeRoles {

  /** The managed policies whose attachment suggests that a role is a node role. */
  static final Set<String> WORKER_NODE_POLICIES =
      Set.of("AmazonEKSWorkerNodePolicy", "AmazonEKSWorkerNodeMinimalPolicy");

  private final Edges edges;
  private final Function<NodeId, Optional<GraphNode>> nodes;
  private final Map<NodeId, List<Evidence>> evidence = new LinkedHashMap<>();
  private final Map<NodeId, List<ClusterNode>> clusterRoleOf = new LinkedHashMap<>();
  private final Map<NodeId, List<ClusterNode>> served = new LinkedHashMap<>();
  private final Map<NodeId, List<CniRole>> cniRoles = new LinkedHashMap<>();
  private final Map<NodeId, Set<String>> workerPolicies = new LinkedHashMap<>();
  private final List<RoleNode> nodeRoles = new ArrayList<>();

  NodeRoles(PolicyGraph graph, Edges edges, Function<NodeId, Optional<GraphNode>> nodes, List<String> globs) {
    this.edges = edges;
    this.nodes = nodes;
    for (NodeGroupNode ng : graph.nodes(NodeGroupNode.class)) {
      nodeGroup(ng);
    }
    for (ClusterNode cluster : graph.nodes(ClusterNode.class)) {
      autoModeNodeRole(cluster);
    }
    for (LaunchTemplateNode lt : graph.nodes(LaunchTemplateNode.class)) {
      launchTemplate(lt);
    }
    for (AccessEntryNode entry : graph.nodes(AccessEntryNode.class)) {
      accessEntry(entry);
    }
    for (RoleNode role : graph.roles()) {
      if (role.declaration() != null && role.declaration().nodeRole()) {
        add(evidence, role.id(), new Evidence.Declared(role, role.declaration()));
      }
      listed(role, globs);
      workerNodePolicy(role);
    }
    for (ClusterNode cluster : graph.nodes(ClusterNode.class)) {
      for (Edge e : edges.from(Edge.Kind.RUNS_AS, cluster.id())) {
        target(e, RoleNode.class).ifPresent(r -> addOnce(clusterRoleOf, r.id(), cluster));
      }
    }
    for (Edge e : edges.of(Edge.Kind.SERVES_CNI)) {
      cniRole(e);
    }
    for (RoleNode role : graph.roles()) {
      if (evidence.containsKey(role.id())) {
        nodeRoles.add(role);
      }
    }
  }

  List<Evidence> evidence(RoleNode role) {
    return evidence.getOrDefault(role.id(), List.of());
  }

  List<RoleNode> nodeRoles() {
    return List.copyOf(nodeRoles);
  }

  Set<String> workerNodePolicies(RoleNode role) {
    return workerPolicies.getOrDefault(role.id(), Set.of());
  }

  List<ClusterNode> clustersRunningAs(RoleNode role) {
    return clusterRoleOf.getOrDefault(role.id(), List.of());
  }

  List<ClusterNode> clustersServed(RoleNode role) {
    return served.getOrDefault(role.id(), List.of());
  }

  List<CniRole> cniRoles(ClusterNode cluster) {
    return cniRoles.getOrDefault(cluster.id(), List.of());
  }

  private void nodeGroup(NodeGroupNode ng) {
    List<ClusterNode> clusters = targets(edges.from(Edge.Kind.BELONGS_TO, ng.id()), ClusterNode.class);
    ClusterNode cluster = clusters.isEmpty() ? null : clusters.get(0);
    for (Edge e : edges.from(Edge.Kind.RUNS_AS, ng.id())) {
      Optional<RoleNode> role = target(e, RoleNode.class);
      if (role.isPresent()) {
        add(evidence, role.get().id(), new Evidence.NodeGroup(ng, cluster, e.guard()));
        clusters.forEach(c -> addOnce(served, role.get().id(), c));
      }
    }
  }

  /** EKS Auto Mode launches the cluster's nodes with the role its compute config names, where it is on. */
  private void autoModeNodeRole(ClusterNode cluster) {
    Choice<Boolean> auto = Clusters.autoMode(cluster);
    for (Edge e : edges.from(Edge.Kind.NODES_RUN_AS, cluster.id())) {
      Optional<RoleNode> role = target(e, RoleNode.class);
      if (role.isEmpty()) {
        continue;
      }
      for (Choice.Option<Boolean> on : auto.options()) {
        // Switched off, it launches no nodes; not known, it may.
        Guard g = Boolean.FALSE.equals(on.value()) ? null : Guards.and(e.guard(), on.guard());
        if (g != null) {
          add(evidence, role.get().id(), new Evidence.AutoModeCluster(cluster, g));
          addOnce(served, role.get().id(), cluster);
        }
      }
    }
  }

  private void launchTemplate(LaunchTemplateNode lt) {
    if (lt.eksNodeEvidence() != null) {
      profileRoles(lt, null, Guard.ALWAYS);
      return;
    }
    // A template that says nothing itself launches EKS nodes when a group tagged for a cluster uses it.
    for (Edge e : edges.to(Edge.Kind.USES_TEMPLATE, lt.id())) {
      Optional<AutoScalingGroupNode> asg = nodes.apply(e.from()).filter(AutoScalingGroupNode.class::isInstance)
          .map(AutoScalingGroupNode.class::cast);
      if (asg.isPresent() && asg.get().eksNodeEvidence() != null) {
        profileRoles(lt, asg.get(), e.guard());
      }
    }
  }

  /** The roles of the template's instance profile are node roles, where the template launches nodes. */
  private void profileRoles(LaunchTemplateNode lt, AutoScalingGroupNode group, Guard launches) {
    for (Edge uses : edges.from(Edge.Kind.USES_PROFILE, lt.id())) {
      Optional<InstanceProfileNode> profile = target(uses, InstanceProfileNode.class);
      if (profile.isEmpty()) {
        continue;
      }
      for (Edge contains : edges.from(Edge.Kind.CONTAINS, profile.get().id())) {
        Optional<RoleNode> role = target(contains, RoleNode.class);
        Guard g = role.isEmpty() ? null : Guards.and(launches, lt.guard(), uses.guard(), contains.guard());
        if (g != null) {
          add(evidence, role.get().id(), new Evidence.LaunchTemplate(lt, profile.get(), group, g));
        }
      }
    }
  }

  private void accessEntry(AccessEntryNode entry) {
    Optional<String> type =
        Optional.ofNullable(entry.type()).flatMap(Values::literal).map(t -> t.toUpperCase(Locale.ROOT));
    if (type.isEmpty() || !(type.get().equals("EC2_LINUX") || type.get().equals("EC2_WINDOWS"))) {
      return;
    }
    List<ClusterNode> clusters = targets(edges.from(Edge.Kind.BELONGS_TO, entry.id()), ClusterNode.class);
    ClusterNode cluster = clusters.isEmpty() ? null : clusters.get(0);
    for (Edge e : edges.from(Edge.Kind.NAMES, entry.id())) {
      Optional<RoleNode> role = target(e, RoleNode.class);
      if (role.isPresent()) {
        add(evidence, role.get().id(), new Evidence.AccessEntry(entry, type.get(), cluster, e.guard()));
        clusters.forEach(c -> addOnce(served, role.get().id(), c));
      }
    }
  }

  private void listed(RoleNode role, List<String> globs) {
    Optional<String> name = Optional.ofNullable(role.name()).flatMap(Values::literal);
    for (String glob : globs) {
      if (WildcardMatcher.matches(glob, role.address(), false)
          || name.filter(n -> WildcardMatcher.matches(glob, n, false)).isPresent()) {
        add(evidence, role.id(), new Evidence.Listed(role, glob));
        return;
      }
    }
  }

  /** The role's own list first; else the first attachment resource that attaches a worker-node policy. */
  private void workerNodePolicy(RoleNode role) {
    Evidence.WorkerNodePolicy own = null;
    Evidence.WorkerNodePolicy byResource = null;
    for (Edge e : edges.from(Edge.Kind.ATTACHES, role.id())) {
      if (!(e.to() instanceof Edge.Target.AwsManagedPolicy p) || !WORKER_NODE_POLICIES.contains(p.name())) {
        continue;
      }
      workerPolicies.computeIfAbsent(role.id(), k -> new TreeSet<>()).add(p.name());
      if (e.by().equals(role.id())) {
        if (own == null) {
          own = new Evidence.WorkerNodePolicy(role, p.name(), null, e.span(), e.guard());
        }
      } else if (byResource == null) {
        Optional<PolicyAttachmentNode> attachment =
            nodes.apply(e.by()).filter(PolicyAttachmentNode.class::isInstance).map(PolicyAttachmentNode.class::cast);
        if (attachment.isPresent()) {
          byResource = new Evidence.WorkerNodePolicy(role, p.name(), attachment.get(), e.span(), e.guard());
        }
      }
    }
    Evidence.WorkerNodePolicy first = own != null ? own : byResource;
    if (first != null) {
      add(evidence, role.id(), first);
    }
  }

  private void cniRole(Edge e) {
    Optional<GraphNode> source = nodes.apply(e.from());
    if (source.isEmpty()) {
      return;
    }
    RoleNode role = target(e, RoleNode.class).orElse(null);
    for (Edge belongs : edges.from(Edge.Kind.BELONGS_TO, e.from())) {
      Optional<ClusterNode> cluster = target(belongs, ClusterNode.class);
      Guard g = cluster.isEmpty() ? null : Guards.and(e.guard(), belongs.guard());
      if (g != null) {
        add(cniRoles, cluster.get().id(), new CniRole(source.get(), cluster.get(), role, e.to(), g));
      }
    }
  }

  private <T extends GraphNode> Optional<T> target(Edge e, Class<T> kind) {
    return e.toNode().flatMap(nodes).filter(kind::isInstance).map(kind::cast);
  }

  private <T extends GraphNode> List<T> targets(List<Edge> list, Class<T> kind) {
    List<T> out = new ArrayList<>();
    for (Edge e : list) {
      target(e, kind).filter(t -> !out.contains(t)).ifPresent(out::add);
    }
    return out;
  }

  private static <T> void add(Map<NodeId, List<T>> map, NodeId key, T value) {
    map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  private static <T> void addOnce(Map<NodeId, List<T>> map, NodeId key, T value) {
    List<T> list = map.computeIfAbsent(key, k -> new ArrayList<>());
    if (!list.contains(value)) {
      list.add(value);
    }
  }
}
