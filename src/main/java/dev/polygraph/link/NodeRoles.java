package dev.polygraph.link;

import dev.polygraph.graph.AccessEntryNode;
import dev.polygraph.graph.AddonNode;
import dev.polygraph.graph.AutoScalingGroupNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PodIdentityAssociationNode;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.finding.Location;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.WildcardMatcher;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which roles the graph proves to be EKS node roles (and why), which roles clusters run as, the
 * clusters a node role serves and the roles the VPC CNI runs as. Computed once from the graph.
 */
public final class NodeRoles {

  /** The managed policies whose attachment declares a role to be a node role. */
  static final Set<String> WORKER_NODE_POLICIES =
      Set.of("AmazonEKSWorkerNodePolicy", "AmazonEKSWorkerNodeMinimalPolicy");

  /**
   * Why a role is a node role.
   *
   * @param text for messages: "used by node group 'Workers'"
   * @param guard when it holds (the node group exists only under a condition)
   * @param location the thing that makes it so
   * @param related the rest of that story (the node group's cluster, the instance profile)
   */
  public record Reason(String text, Guard guard, Location location, List<Location> related) {
    public Reason {
      related = List.copyOf(related);
    }
  }

  /**
   * A role the VPC CNI of a cluster runs as instead of the node role.
   *
   * @param role the role, or null when the reference names no role in the scan
   * @param reference the role's ARN as written
   * @param text for messages: "used by add-on 'VpcCni'"
   */
  public record CniRole(RoleNode role, Value reference, String text, Guard guard, Location location) {}

  private final Links links;
  private final Map<NodeId, List<Reason>> reasons = new LinkedHashMap<>();
  private final Map<NodeId, List<ClusterNode>> clusterRoleOf = new LinkedHashMap<>();
  private final Map<NodeId, List<ClusterNode>> served = new LinkedHashMap<>();
  private final Map<NodeId, List<CniRole>> cniRoles = new LinkedHashMap<>();
  private final List<RoleNode> nodeRoles = new ArrayList<>();
  private final Map<NodeId, Set<String>> workerPolicies = new LinkedHashMap<>();
  private final Map<NodeId, List<Reason>> workerPolicyAttachments = new LinkedHashMap<>();

  public NodeRoles(PolicyGraph graph, Links links, List<String> nodeRoleGlobs) {
    this.links = links;
    for (NodeGroupNode ng : graph.nodes(NodeGroupNode.class)) {
      nodeGroup(ng);
    }
    for (ClusterNode cluster : graph.nodes(ClusterNode.class)) {
      autoModeNodeRole(cluster);
    }
    List<AutoScalingGroupNode> groups = graph.nodes(AutoScalingGroupNode.class);
    for (LaunchTemplateNode lt : graph.nodes(LaunchTemplateNode.class)) {
      launchTemplate(lt, groups);
    }
    for (PolicyAttachmentNode p : graph.nodes(PolicyAttachmentNode.class)) {
      workerPolicyAttachment(p);
    }
    for (AccessEntryNode entry : graph.nodes(AccessEntryNode.class)) {
      accessEntry(entry);
    }
    for (RoleNode role : graph.roles()) {
      declared(role);
      listed(role, nodeRoleGlobs);
      attachesWorkerNodePolicy(role);
    }
    for (ClusterNode cluster : graph.nodes(ClusterNode.class)) {
      for (Guarded<Value> v : variants(cluster.roleArn())) {
        links.role(v.value()).ifPresent(r -> add(clusterRoleOf, r.id(), cluster));
      }
    }
    for (AddonNode addon : graph.nodes(AddonNode.class)) {
      vpcCniAddon(addon);
    }
    for (PodIdentityAssociationNode pia : graph.nodes(PodIdentityAssociationNode.class)) {
      awsNodeAssociation(pia);
    }
    for (RoleNode role : graph.roles()) {
      if (reasons.containsKey(role.id())) {
        nodeRoles.add(role);
      }
    }
  }

  /** Why the role is a node role, in a fixed order (node groups first); empty when it is not one. */
  public List<Reason> reasons(RoleNode role) {
    return reasons.getOrDefault(role.id(), List.of());
  }

  public boolean isNodeRole(RoleNode role) {
    return reasons.containsKey(role.id());
  }

  /**
   * The worker-node policies ({@code AmazonEKSWorkerNodePolicy}, {@code
   * AmazonEKSWorkerNodeMinimalPolicy}) the role attaches, under any condition; empty when none.
   */
  public Set<String> workerNodePolicies(RoleNode role) {
    return workerPolicies.getOrDefault(role.id(), Set.of());
  }

  /** Every node role, in graph order. */
  public List<RoleNode> nodeRoles() {
    return List.copyOf(nodeRoles);
  }

  /** The clusters that run as this role (it is their cluster role). */
  public List<ClusterNode> clustersRunningAs(RoleNode role) {
    return clusterRoleOf.getOrDefault(role.id(), List.of());
  }

  public boolean isClusterRole(RoleNode role) {
    return clusterRoleOf.containsKey(role.id());
  }

  /** The clusters whose nodes run as this role (through node groups, access entries and Auto Mode compute configs). */
  public List<ClusterNode> clustersServed(RoleNode role) {
    return served.getOrDefault(role.id(), List.of());
  }

  /** The roles the cluster's VPC CNI runs as; empty when the CNI uses the node role (EKS's default). */
  public List<CniRole> cniRoles(ClusterNode cluster) {
    return cniRoles.getOrDefault(cluster.id(), List.of());
  }

  private void nodeGroup(NodeGroupNode ng) {
    Optional<ClusterNode> cluster = ng.cluster() == null ? Optional.empty() : links.cluster(ng.cluster());
    List<Location> related =
        cluster.map(c -> List.of(clusterLocation(c, "node group '" + ng.address() + "'"))).orElse(List.of());
    for (Guarded<Value> v : variants(ng.nodeRole())) {
      Optional<RoleNode> role = links.role(v.value());
      if (role.isEmpty()) {
        continue;
      }
      String text = "used by node group '" + ng.address() + "'";
      Location at = new Location(ng.span(), ng.address(), "Node group '" + ng.address() + "' runs as this role.");
      Guard g = and(ng.guard(), v.guard());
      if (g != null) {
        addReason(role.get(), new Reason(text, g, at, related));
      }
      cluster.ifPresent(c -> addOnce(served, role.get().id(), c));
    }
  }

  /** EKS Auto Mode launches the cluster's nodes with the role its compute config names. */
  private void autoModeNodeRole(ClusterNode cluster) {
    // Auto Mode switched off explicitly launches no nodes, whatever role is still written there.
    if (literal(cluster.autoMode()).filter("false"::equalsIgnoreCase).isPresent()) {
      return;
    }
    for (Guarded<Value> v : variants(cluster.autoModeNodeRole())) {
      Optional<RoleNode> role = links.role(v.value());
      if (role.isEmpty()) {
        continue;
      }
      String text = "node role of EKS Auto Mode cluster '" + cluster.address() + "'";
      Location at =
          new Location(
              cluster.span(),
              cluster.address(),
              "EKS Auto Mode cluster '" + cluster.address() + "' launches its nodes with this role.");
      Guard g = and(cluster.guard(), v.guard());
      if (g != null) {
        addReason(role.get(), new Reason(text, g, at, List.of()));
        addOnce(served, role.get().id(), cluster);
      }
    }
  }

  private void launchTemplate(LaunchTemplateNode lt, List<AutoScalingGroupNode> groups) {
    if (lt.eksNodeEvidence() != null) {
      launchTemplate(lt, lt.eksNodeEvidence(), Guard.ALWAYS, List.of());
      return;
    }
    // A template that says nothing itself launches EKS nodes when a group tagged for a cluster uses it.
    for (AutoScalingGroupNode asg : groups) {
      if (asg.eksNodeEvidence() == null) {
        continue;
      }
      for (Guarded<Value> v : variants(asg.launchTemplate())) {
        if (links.launchTemplate(v.value()).filter(t -> t.id().equals(lt.id())).isEmpty()) {
          continue;
        }
        Guard g = and(asg.guard(), v.guard());
        if (g == null) {
          continue;
        }
        String evidence = "Auto Scaling group '" + asg.address() + "' is " + asg.eksNodeEvidence();
        Location groupAt =
            new Location(
                asg.span(),
                asg.address(),
                "Auto Scaling group '" + asg.address() + "' starts instances from launch template '" + lt.address()
                    + "' and is " + asg.eksNodeEvidence() + ".");
        launchTemplate(lt, evidence, g, List.of(groupAt));
      }
    }
  }

  /**
   * The roles of the template's instance profile are node roles.
   *
   * @param evidence why the template launches EKS nodes
   * @param guard when that evidence holds
   * @param evidenceAt where the evidence is when it is not on the template itself
   */
  private void launchTemplate(LaunchTemplateNode lt, String evidence, Guard guard, List<Location> evidenceAt) {
    for (Guarded<Value> pv : variants(lt.instanceProfile())) {
      Optional<InstanceProfileNode> profile = links.instanceProfile(pv.value());
      if (profile.isEmpty()) {
        continue;
      }
      InstanceProfileNode p = profile.get();
      for (Guarded<Value> item : items(p.roles())) {
        Optional<RoleNode> role = links.role(item.value());
        if (role.isEmpty()) {
          continue;
        }
        String text = "in instance profile '" + p.address() + "' of launch template '" + lt.address() + "'";
        Location at =
            new Location(
                lt.span(), lt.address(), "Launch template '" + lt.address() + "' launches EKS nodes (" + evidence + ").");
        Location profileAt =
            new Location(p.span(), p.address(), "Instance profile '" + p.address() + "' holds this role.");
        List<Location> related = new ArrayList<>(List.of(profileAt));
        related.addAll(evidenceAt);
        Guard g = and(guard, lt.guard(), pv.guard(), p.guard(), item.guard());
        if (g != null) {
          addReason(role.get(), new Reason(text, g, at, related));
        }
      }
    }
  }

  private void accessEntry(AccessEntryNode entry) {
    Optional<String> type = literal(entry.type()).map(t -> t.toUpperCase(Locale.ROOT));
    if (type.isEmpty() || !(type.get().equals("EC2_LINUX") || type.get().equals("EC2_WINDOWS"))) {
      return;
    }
    Optional<ClusterNode> cluster = entry.cluster() == null ? Optional.empty() : links.cluster(entry.cluster());
    List<Location> related =
        cluster.map(c -> List.of(clusterLocation(c, "access entry '" + entry.address() + "'")))
            .orElse(List.of());
    for (Guarded<Value> v : variants(entry.principalArn())) {
      Optional<RoleNode> role = links.role(v.value());
      if (role.isEmpty()) {
        continue;
      }
      String text = "named by access entry '" + entry.address() + "' of type '" + type.get() + "'";
      Location at =
          new Location(
              entry.span(),
              entry.address(),
              "Access entry '" + entry.address() + "' of type '" + type.get() + "' names this role.");
      Guard g = and(entry.guard(), v.guard());
      if (g != null) {
        addReason(role.get(), new Reason(text, g, at, related));
      }
      cluster.ifPresent(c -> addOnce(served, role.get().id(), c));
    }
  }

  private void declared(RoleNode role) {
    if (role.declaration() != null && role.declaration().nodeRole()) {
      Location at = new Location(role.declaration().span(), role.address(), "The config declares this role a node role.");
      addReason(role, new Reason("declared 'eks-node' in the config", Guard.ALWAYS, at, List.of()));
    }
  }

  private void listed(RoleNode role, List<String> globs) {
    Optional<String> name = literal(role.name());
    for (String glob : globs) {
      if (WildcardMatcher.matches(glob, role.address(), false)
          || name.filter(n -> WildcardMatcher.matches(glob, n, false)).isPresent()) {
        Location at = new Location(role.span(), role.address(), "eks.node-roles lists this role.");
        addReason(role, new Reason("listed in eks.node-roles", Guard.ALWAYS, at, List.of()));
        return;
      }
    }
  }

  private void attachesWorkerNodePolicy(RoleNode role) {
    Reason first = null;
    for (Guarded<Value> item : items(role.managedPolicyArns())) {
      Optional<String> name = ManagedPolicies.awsManagedName(item.value());
      if (name.isPresent() && WORKER_NODE_POLICIES.contains(name.get())) {
        workerPolicies.computeIfAbsent(role.id(), k -> new TreeSet<>()).add(name.get());
        if (first == null) {
          Location at =
              new Location(item.value().span(), role.address(), "The role attaches '" + name.get() + "'.");
          first = new Reason("attaches '" + name.get() + "'", item.guard(), at, List.of());
        }
      }
    }
    // The role's own list first; else the first attachment resource that attaches one.
    List<Reason> attached = workerPolicyAttachments.getOrDefault(role.id(), List.of());
    if (first == null && !attached.isEmpty()) {
      first = attached.get(0);
    }
    if (first != null) {
      addReason(role, first);
    }
  }

  private void workerPolicyAttachment(PolicyAttachmentNode p) {
    for (Guarded<Value> arn : variants(p.policyArn())) {
      Optional<String> name = ManagedPolicies.awsManagedName(arn.value());
      if (name.isEmpty() || !WORKER_NODE_POLICIES.contains(name.get())) {
        continue;
      }
      for (Guarded<Value> item : items(p.roles())) {
        Optional<RoleNode> role = links.role(item.value());
        Guard g = role.isEmpty() ? null : and(p.guard(), arn.guard(), item.guard());
        if (g == null) {
          continue;
        }
        workerPolicies.computeIfAbsent(role.get().id(), k -> new TreeSet<>()).add(name.get());
        String text = "attaches '" + name.get() + "' through '" + p.address() + "'";
        Location at =
            new Location(
                p.span(), p.address(), "Policy attachment '" + p.address() + "' attaches '" + name.get() + "' to this role.");
        add(workerPolicyAttachments, role.get().id(), new Reason(text, g, at, List.of()));
      }
    }
  }

  private void vpcCniAddon(AddonNode addon) {
    if (!literal(addon.addonName()).filter("vpc-cni"::equals).isPresent() || addon.cluster() == null) {
      return;
    }
    Optional<ClusterNode> cluster = links.cluster(addon.cluster());
    if (cluster.isEmpty()) {
      return;
    }
    String text = "used by add-on '" + addon.address() + "'";
    Location at = new Location(addon.span(), addon.address(), "The VPC CNI add-on '" + addon.address() + "' runs as this role.");
    List<Guarded<Value>> refs = new ArrayList<>(variants(addon.serviceAccountRole()));
    refs.addAll(items(addon.podIdentityRoles()));
    for (Guarded<Value> ref : refs) {
      if (ref.value() instanceof Absent) {
        continue;
      }
      RoleNode role = links.role(ref.value()).orElse(null);
      Guard g = and(addon.guard(), ref.guard());
      if (g != null) {
        add(cniRoles, cluster.get().id(), new CniRole(role, ref.value(), text, g, at));
      }
    }
  }

  private void awsNodeAssociation(PodIdentityAssociationNode pia) {
    boolean awsNode =
        literal(pia.namespace()).filter("kube-system"::equals).isPresent()
            && literal(pia.serviceAccount()).filter("aws-node"::equals).isPresent();
    if (!awsNode || pia.cluster() == null) {
      return;
    }
    Optional<ClusterNode> cluster = links.cluster(pia.cluster());
    if (cluster.isEmpty()) {
      return;
    }
    String text = "used by pod identity association '" + pia.address() + "'";
    Location at =
        new Location(
            pia.span(), pia.address(), "Pod identity association '" + pia.address() + "' gives the VPC CNI this role.");
    for (Guarded<Value> ref : variants(pia.role())) {
      if (ref.value() instanceof Absent) {
        continue;
      }
      RoleNode role = links.role(ref.value()).orElse(null);
      Guard g = and(pia.guard(), ref.guard());
      if (g != null) {
        add(cniRoles, cluster.get().id(), new CniRole(role, ref.value(), text, g, at));
      }
    }
  }

  private void addReason(RoleNode role, Reason reason) {
    add(reasons, role.id(), reason);
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

  static Location clusterLocation(ClusterNode c, String of) {
    return new Location(c.span(), c.address(), "Cluster '" + c.address() + "' of " + of + ".");
  }

  /** A reference's alternatives; none for a missing one. */
  static List<Guarded<Value>> variants(Value v) {
    return v == null ? List.of() : Values.variants(v);
  }

  /** The alternatives of each item of a guarded list, each under both guards. */
  static List<Guarded<Value>> items(List<Guarded<Value>> list) {
    List<Guarded<Value>> out = new ArrayList<>();
    for (Guarded<Value> item : list) {
      for (Guarded<Value> v : Values.variants(item.value())) {
        item.guard().and(v.guard()).ifPresent(g -> out.add(new Guarded<>(g, v.value())));
      }
    }
    return out;
  }

  /** All guards at once, or null when they contradict each other (the thing never exists). */
  static Guard and(Guard... guards) {
    Guard all = Guard.ALWAYS;
    for (Guard g : guards) {
      if (g == null) {
        continue;
      }
      Optional<Guard> both = all.and(g);
      if (both.isEmpty()) {
        return null;
      }
      all = both.get();
    }
    return all;
  }

  private static Optional<String> literal(Value v) {
    return v == null ? Optional.empty() : Values.literal(v);
  }
}
