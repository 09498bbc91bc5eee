package dev.polygraph.link;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.Decision;
import dev.polygraph.policy.PolicyEvaluator;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every role whose permissions the VPC CNI uses and the IP families it serves: node roles of
 * clusters without a CNI role of their own (or of no cluster in scope), and the CNI roles of
 * clusters in scope. Auto Mode clusters manage networking themselves and bring none. Each use keeps
 * the conditions under which it holds, so that a cluster's {@code !If} on its IP family and the
 * policies chosen by the same condition are read together.
 */
final class CniUses {

  private final NodeRoles roles;
  private final Map<NodeId, Choice<IpFamily>> ipFamilies;
  private final Map<NodeId, Choice<Boolean>> autoModes;
  private final Function<RoleNode, Choice<Boolean>> roleAutoMode;
  private final Permissions permissions;
  private final PolicyEvaluator evaluator;
  private final LinkSettings settings;
  private final Map<NodeId, CniUse> out = new LinkedHashMap<>();
  private final Map<NodeId, List<CniUse.Family>> withoutCluster = new LinkedHashMap<>();

  private CniUses(
      NodeRoles roles,
      Map<NodeId, Choice<IpFamily>> ipFamilies,
      Map<NodeId, Choice<Boolean>> autoModes,
      Function<RoleNode, Choice<Boolean>> roleAutoMode,
      Permissions permissions,
      PolicyEvaluator evaluator,
      LinkSettings settings) {
    this.roles = roles;
    this.ipFamilies = ipFamilies;
    this.autoModes = autoModes;
    this.roleAutoMode = roleAutoMode;
    this.permissions = permissions;
    this.evaluator = evaluator;
    this.settings = settings;
  }

  static List<CniUse> of(
      PolicyGraph graph,
      NodeRoles roles,
      Map<NodeId, Choice<IpFamily>> ipFamilies,
      Map<NodeId, Choice<Boolean>> autoModes,
      Function<RoleNode, Choice<Boolean>> roleAutoMode,
      Permissions permissions,
      PolicyEvaluator evaluator,
      LinkSettings settings) {
    CniUses uses = new CniUses(roles, ipFamilies, autoModes, roleAutoMode, permissions, evaluator, settings);
    for (RoleNode role : roles.nodeRoles()) {
      uses.nodeRole(role);
    }
    for (ClusterNode cluster : graph.nodes(ClusterNode.class)) {
      for (CniRole cni : roles.cniRoles(cluster)) {
        if (cni.role() != null) {
          List<CniUse.Family> families = uses.onCluster(cluster, cni.role());
          if (!families.isEmpty()) {
            uses.merge(new CniUse(cni.role(), cni, cluster, List.of(cni.guard()), families, false));
          }
        }
      }
    }
    return List.copyOf(uses.out.values());
  }

  private void nodeRole(RoleNode role) {
    List<Guard> applicability = roles.evidence(role).stream().map(Evidence::guard).toList();
    List<ClusterNode> clusters = roles.clustersServed(role);
    if (clusters.isEmpty()) {
      // Auto Mode manages pod networking itself: its node roles need no CNI permissions.
      if (settings.cniRoleSeparate().orElse(false) || roleAutoMode.apply(role).decided().orElse(false)) {
        return;
      }
      merge(
          new CniUse(
              role, null, null, applicability, withoutCluster(role), settings.cniRoleSeparate().isEmpty()));
      return;
    }
    for (ClusterNode cluster : clusters) {
      // Where the cluster gives the CNI a role of its own, the node role's permissions are not the CNI's.
      List<Guard> onNodeRole = Guards.none(roles.cniRoles(cluster).stream().map(CniRole::guard).toList());
      List<CniUse.Family> families = new ArrayList<>();
      for (CniUse.Family f : onCluster(cluster, role)) {
        for (Guard g : onNodeRole) {
          Guard both = Guards.and(f.guard(), g);
          if (both != null) {
            families.add(new CniUse.Family(f.family(), both, f.source(), f.autoModeUnknown()));
          }
        }
      }
      if (!families.isEmpty()) {
        merge(new CniUse(role, null, cluster, applicability, families, false));
      }
    }
  }

  /**
   * The IP families the cluster's CNI needs {@code role}'s permissions for, where it does not run
   * EKS Auto Mode; where the cluster's IP family is not known, what the role itself shows.
   */
  private List<CniUse.Family> onCluster(ClusterNode cluster, RoleNode role) {
    Choice<Boolean> auto = autoModes.get(cluster.id());
    List<CniUse.Family> byCluster = new ArrayList<>();
    for (Choice.Option<IpFamily> o : ipFamilies.get(cluster.id()).options()) {
      if (o.known()) {
        byCluster.add(new CniUse.Family(o.value(), o.guard(), CniUse.Source.CLUSTER, null));
        continue;
      }
      for (CniUse.Family f : withoutCluster(role)) {
        Guard g = Guards.and(o.guard(), f.guard());
        if (g != null) {
          byCluster.add(new CniUse.Family(f.family(), g, f.source(), null));
        }
      }
    }
    List<CniUse.Family> out = new ArrayList<>();
    for (Choice.Option<Boolean> mode : auto.options()) {
      if (Boolean.TRUE.equals(mode.value())) {
        continue;
      }
      for (CniUse.Family f : byCluster) {
        Guard g = Guards.and(f.guard(), mode.guard());
        if (g != null) {
          out.add(new CniUse.Family(f.family(), g, f.source(), mode.known() ? null : mode.unknown()));
        }
      }
    }
    return out;
  }

  /**
   * No cluster says: the role's declared IP family, else the user's setting, else IPv6 where the
   * role has the IPv6 CNI's permission, else IPv4 (assumed).
   */
  private List<CniUse.Family> withoutCluster(RoleNode role) {
    return withoutCluster.computeIfAbsent(role.id(), k -> familiesShownBy(role));
  }

  private List<CniUse.Family> familiesShownBy(RoleNode role) {
    Optional<IpFamily> declared =
        Optional.ofNullable(role.declaration()).map(d -> d.ipFamily()).flatMap(IpFamily::parse);
    if (declared.isPresent()) {
      return List.of(new CniUse.Family(declared.get(), Guard.ALWAYS, CniUse.Source.DECLARED, null));
    }
    if (settings.ipFamily().isPresent()) {
      return List.of(new CniUse.Family(settings.ipFamily().get(), Guard.ALWAYS, CniUse.Source.SETTING, null));
    }
    LinkSettings.Request assign = settings.ipv6Evidence();
    List<Guard> ipv6 = new ArrayList<>();
    List<Guard> ipv4 = new ArrayList<>();
    for (Scenario s : Scenario.enumerate(new LinkedHashSet<>(permissions.guards(role)))) {
      if (!role.guard().holdsIn(s)) {
        continue;
      }
      Decision d = evaluator.evaluate(permissions.of(role, s), assign.action(), assign.resource(), s);
      (d instanceof Decision.Allowed ? ipv6 : ipv4).add(s.asGuard());
    }
    if (ipv6.isEmpty()) {
      return List.of(new CniUse.Family(IpFamily.IPV4, Guard.ALWAYS, CniUse.Source.ASSUMED, null));
    }
    if (ipv4.isEmpty()) {
      return List.of(new CniUse.Family(IpFamily.IPV6, Guard.ALWAYS, CniUse.Source.IPV6_PERMISSION, null));
    }
    // The IPv6 permission shows IPv6 where it is granted; elsewhere nothing says.
    List<CniUse.Family> out = new ArrayList<>();
    ipv6.forEach(g -> out.add(new CniUse.Family(IpFamily.IPV6, g, CniUse.Source.IPV6_PERMISSION, null)));
    ipv4.forEach(g -> out.add(new CniUse.Family(IpFamily.IPV4, g, CniUse.Source.ASSUMED, null)));
    return out;
  }

  private void merge(CniUse use) {
    CniUse prev = out.get(use.role().id());
    if (prev == null) {
      out.put(use.role().id(), use);
      return;
    }
    List<Guard> applicability = new ArrayList<>(prev.applicability());
    use.applicability().stream().filter(g -> !applicability.contains(g)).forEach(applicability::add);
    List<CniUse.Family> families = new ArrayList<>(prev.families());
    use.families().stream().filter(f -> !families.contains(f)).forEach(families::add);
    out.put(
        use.role().id(),
        new CniUse(
            prev.role(),
            prev.cniRole(),
            prev.cluster(),
            applicability,
            families,
            prev.cniAssumed() && use.cniAssumed()));
  }
}
