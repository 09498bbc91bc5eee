package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.link.NodeRoles;
import dev.polygraph.link.Permissions;
import dev.polygraph.policy.Decision;
import dev.polygraph.policy.PolicySet;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the node-role rules share: the graph queries of one run, how a role is named in messages,
 * where role-level findings point, the cluster context (IP family, Auto Mode, where the VPC CNI's
 * permissions live) and checking a list of requirements over every scenario.
 */
final class NodeRoleChecks {

  static final String ASSUMED_IPV4 = "assuming an IPv4 cluster; set --ip-family or eks.ip-family";
  static final String ASSUMED_CNI_ON_NODE_ROLE = "assuming the VPC CNI uses the node role; set eks.cni-role";

  /**
   * Requirements missing in the same scenarios.
   *
   * @param when the conditions under which they are missing, or null when always
   * @param missing the actions, in requirement order
   * @param deciding the statements that deny them explicitly
   */
  record Gap(String when, List<String> missing, List<Location> deciding) {}

  /** The result of checking requirements: what is missing, and what could not be decided (and why). */
  record Outcome(List<Gap> gaps, Map<String, String> undecided) {}

  /**
   * A role whose permissions the VPC CNI uses, and for which IP families.
   *
   * @param subject how messages name it
   * @param applicability the guards under which it serves the CNI (any of them)
   */
  record CniSubject(
      RoleNode role,
      String subject,
      List<Guard> applicability,
      List<Location> related,
      boolean ipv4,
      boolean ipv6,
      boolean ipAssumed,
      boolean cniAssumed) {

    List<String> assumptions(boolean forIpv4) {
      List<String> out = new ArrayList<>();
      if (forIpv4 && ipAssumed) {
        out.add(ASSUMED_IPV4);
      }
      if (cniAssumed) {
        out.add(ASSUMED_CNI_ON_NODE_ROLE);
      }
      return out;
    }
  }

  private final RuleContext ctx;
  private final NodeRoles nodeRoles;
  private final Permissions permissions;

  private NodeRoleChecks(RuleContext ctx) {
    this.ctx = ctx;
    this.nodeRoles = ctx.linked().nodeRoles();
    this.permissions = ctx.linked().permissions();
  }

  static NodeRoleChecks of(RuleContext ctx) {
    return new NodeRoleChecks(ctx);
  }

  NodeRoles nodeRoles() {
    return nodeRoles;
  }

  Permissions permissions() {
    return permissions;
  }

  /** "Node role 'NodeInstanceRole' (used by node group 'Workers')". */
  String subject(RoleNode role) {
    List<NodeRoles.Reason> reasons = nodeRoles.reasons(role);
    String why = reasons.isEmpty() ? "" : " (" + reasons.get(0).text() + ")";
    return "Node role '" + role.address() + "'" + why;
  }

  /** The role's logical ID / address. */
  static Location roleLocation(RoleNode role) {
    return new Location(role.span(), role.address(), null);
  }

  /** Where findings about missing permissions point: the ManagedPolicyArns key, else the role. */
  static Location permissionsLocation(RoleNode role) {
    return new Location(
        role.managedPolicyArnsSpan() != null ? role.managedPolicyArnsSpan() : role.span(), role.address(), null);
  }

  /** What makes the role a node role: its first reason's place and that reason's related places. */
  List<Location> related(RoleNode role) {
    List<NodeRoles.Reason> reasons = nodeRoles.reasons(role);
    if (reasons.isEmpty()) {
      return List.of();
    }
    List<Location> out = new ArrayList<>();
    out.add(reasons.get(0).location());
    out.addAll(reasons.get(0).related());
    return out;
  }

  /** The guards under which the role is a node role. */
  List<Guard> applicability(RoleNode role) {
    return nodeRoles.reasons(role).stream().map(NodeRoles.Reason::guard).toList();
  }

  /**
   * The scenarios to evaluate the role in: every assignment of the conditions that touch it, kept
   * only where the role exists and plays its part (one of {@code applicability} holds).
   */
  List<Scenario> scenarios(RoleNode role, Collection<Guard> extra, List<Guard> applicability) {
    Set<Guard> guards = new LinkedHashSet<>(permissions.guards(role));
    guards.addAll(extra);
    guards.addAll(applicability);
    List<Scenario> out = new ArrayList<>();
    for (Scenario s : Conditions.scenarios(guards)) {
      if (role.guard().holdsIn(s)
          && (applicability.isEmpty() || applicability.stream().anyMatch(g -> g.holdsIn(s)))) {
        out.add(s);
      }
    }
    return out;
  }

  /** Checks every requirement in every scenario; missing ones are grouped by the conditions they miss under. */
  Outcome check(RoleNode role, List<Guard> applicability, List<Requirement> requirements) {
    List<Scenario> scenarios = scenarios(role, List.of(), applicability);
    Map<String, List<Scenario>> failing = new LinkedHashMap<>();
    Map<String, Span> denials = new LinkedHashMap<>();
    Map<String, String> undecided = new LinkedHashMap<>();
    for (Requirement r : requirements) {
      failing.put(r.action(), new ArrayList<>());
    }
    for (Scenario s : scenarios) {
      PolicySet set = permissions.of(role, s);
      for (Requirement r : requirements) {
        Decision d = ctx.evaluator().evaluate(set, r.action(), r.resource(), s);
        if (d instanceof Decision.NotAllowed) {
          failing.get(r.action()).add(s);
        } else if (d instanceof Decision.Denied denied) {
          failing.get(r.action()).add(s);
          if (denied.by() != null) {
            denials.putIfAbsent(r.action(), denied.by().span());
          }
        } else if (d instanceof Decision.Undecided u) {
          undecided.putIfAbsent(r.action(), u.reason());
        } else if (!d.isAllowed()) {
          undecided.putIfAbsent(r.action(), "it is allowed only under a Condition");
        }
      }
    }
    Map<String, List<String>> missingByWhen = new LinkedHashMap<>();
    Map<String, String> whens = new LinkedHashMap<>();
    for (Map.Entry<String, List<Scenario>> e : failing.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      undecided.remove(e.getKey());
      String when = Conditions.when(e.getValue(), scenarios);
      whens.put(String.valueOf(when), when);
      missingByWhen.computeIfAbsent(String.valueOf(when), k -> new ArrayList<>()).add(e.getKey());
    }
    List<Gap> gaps = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : missingByWhen.entrySet()) {
      // One related location per denying statement, naming what it denies.
      Map<Span, List<String>> byStatement = new LinkedHashMap<>();
      for (String action : e.getValue()) {
        Span by = denials.get(action);
        if (by != null) {
          byStatement.computeIfAbsent(by, k -> new ArrayList<>()).add(action);
        }
      }
      List<Location> deciding = new ArrayList<>();
      byStatement.forEach(
          (span, actions) -> deciding.add(new Location(span, null, "This statement denies " + quoted(actions) + ".")));
      gaps.add(new Gap(whens.get(e.getKey()), List.copyOf(e.getValue()), deciding));
    }
    return new Outcome(gaps, undecided);
  }

  /**
   * Reports an outcome: one failure per group of missing actions, one undecided note for the rest.
   *
   * @param what what the role is not granted: "the permissions of 'AmazonEKSWorkerNodePolicy'"
   */
  void report(
      Outcome outcome,
      Location at,
      String subject,
      String what,
      List<Location> related,
      String help,
      List<String> assumptions) {
    String assumed = assumptions.isEmpty() ? "" : ", " + String.join("; ", assumptions);
    for (Gap gap : outcome.gaps()) {
      List<Location> story = new ArrayList<>(related);
      story.addAll(gap.deciding());
      String message =
          subject
              + " is not granted "
              + what
              + " (missing "
              + quoted(gap.missing())
              + ")"
              + Conditions.suffix(gap.when())
              + assumed
              + ".";
      String detail =
          gap.missing().stream().sorted().collect(Collectors.joining(","))
              + (gap.when() == null ? "" : " when " + gap.when());
      ctx.fail(at, message, story, detail, help, !assumptions.isEmpty());
    }
    if (!outcome.undecided().isEmpty()) {
      String reasons = String.join("; ", new LinkedHashSet<>(outcome.undecided().values()));
      List<String> actions = new ArrayList<>(outcome.undecided().keySet());
      ctx.undecided(
          at,
          subject + " may lack " + what + " (" + quoted(actions) + "): " + reasons + ".",
          related,
          actions.stream().sorted().collect(Collectors.joining(",")));
    }
  }

  static String quoted(List<String> items) {
    return items.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
  }

  /**
   * Whether the role is an EKS Auto Mode node role: every cluster it serves runs in Auto Mode, or it
   * serves none in scope and its worker-node policy is AmazonEKSWorkerNodeMinimalPolicy alone, which
   * the tools that make node roles (eksctl, terraform-aws-eks) attach only to Auto Mode node roles.
   */
  boolean autoMode(RoleNode role) {
    List<ClusterNode> clusters = nodeRoles.clustersServed(role);
    if (clusters.isEmpty()) {
      return nodeRoles.workerNodePolicies(role).equals(Set.of(Requirements.WORKER_NODE_MINIMAL));
    }
    return clusters.stream().allMatch(NodeRoleChecks::isAutoMode);
  }

  static boolean isAutoMode(ClusterNode cluster) {
    return cluster.autoMode() != null
        && Values.literal(cluster.autoMode()).filter(v -> v.equalsIgnoreCase("true")).isPresent();
  }

  /**
   * Every role whose permissions the VPC CNI uses and the IP families it serves: node roles of
   * clusters without a CNI role of their own (or of no cluster in scope), and the CNI roles of
   * clusters in scope. Auto Mode clusters manage networking themselves and bring none.
   */
  List<CniSubject> cniSubjects() {
    Map<NodeId, CniSubject> out = new LinkedHashMap<>();
    for (RoleNode role : nodeRoles.nodeRoles()) {
      List<ClusterNode> clusters = nodeRoles.clustersServed(role);
      if (clusters.isEmpty()) {
        Optional<String> cniRole = ctx.settings().cniRole().map(s -> s.toLowerCase(Locale.ROOT));
        if (cniRole.filter("separate"::equals).isPresent() || autoMode(role)) {
          continue; // Auto Mode manages pod networking itself: its node roles need no CNI permissions
        }
        Families f = familiesWithoutCluster(role);
        merge(out, new CniSubject(role, subject(role), applicability(role), related(role),
            f.ipv4, f.ipv6, f.assumed, cniRole.isEmpty()));
        continue;
      }
      for (ClusterNode cluster : clusters) {
        if (isAutoMode(cluster) || !nodeRoles.cniRoles(cluster).isEmpty()) {
          continue;
        }
        Families f = families(cluster).orElseGet(() -> familiesWithoutCluster(role));
        merge(out, new CniSubject(role, subject(role), applicability(role), related(role),
            f.ipv4, f.ipv6, f.assumed, false));
      }
    }
    for (ClusterNode cluster : ctx.graph().nodes(ClusterNode.class)) {
      if (isAutoMode(cluster)) {
        continue;
      }
      for (NodeRoles.CniRole cni : nodeRoles.cniRoles(cluster)) {
        if (cni.role() == null) {
          continue;
        }
        Families f = families(cluster).orElseGet(() -> familiesWithoutCluster(cni.role()));
        List<Location> related = new ArrayList<>();
        related.add(cni.location());
        related.add(new Location(cluster.span(), cluster.address(), "Cluster '" + cluster.address() + "' of the add-on."));
        String subject = "VPC CNI role '" + cni.role().address() + "' (" + cni.text() + ")";
        merge(out, new CniSubject(cni.role(), subject, List.of(cni.guard()), related,
            f.ipv4, f.ipv6, f.assumed, false));
      }
    }
    return List.copyOf(out.values());
  }

  private record Families(boolean ipv4, boolean ipv6, boolean assumed) {}

  private static void merge(Map<NodeId, CniSubject> out, CniSubject s) {
    CniSubject prev = out.get(s.role().id());
    if (prev == null) {
      out.put(s.role().id(), s);
      return;
    }
    List<Guard> applicability = new ArrayList<>(prev.applicability());
    s.applicability().stream().filter(g -> !applicability.contains(g)).forEach(applicability::add);
    out.put(
        s.role().id(),
        new CniSubject(
            prev.role(),
            prev.subject(),
            applicability,
            prev.related(),
            prev.ipv4() || s.ipv4(),
            prev.ipv6() || s.ipv6(),
            prev.ipAssumed() && s.ipAssumed(),
            prev.cniAssumed() && s.cniAssumed()));
  }

  /** The cluster's IP families as written (unset is IPv4); empty when its setting is not known. */
  private static Optional<Families> families(ClusterNode cluster) {
    if (cluster.ipFamily() == null) {
      return Optional.of(new Families(true, false, false));
    }
    boolean ipv4 = false;
    boolean ipv6 = false;
    for (Guarded<Value> v : Values.variants(cluster.ipFamily())) {
      if (v.value() instanceof Absent) {
        ipv4 = true;
        continue;
      }
      Optional<String> family = Values.literal(v.value()).map(s -> s.toLowerCase(Locale.ROOT));
      if (family.filter("ipv6"::equals).isPresent()) {
        ipv6 = true;
      } else if (family.filter("ipv4"::equals).isPresent()) {
        ipv4 = true;
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new Families(ipv4, ipv6, false));
  }

  /** No cluster says: the role's declared IP family, else the user's setting, else the role's IPv6 permission as evidence, else assume IPv4. */
  private Families familiesWithoutCluster(RoleNode role) {
    Optional<String> setting =
        Optional.ofNullable(role.declaration())
            .map(d -> d.ipFamily())
            .or(() -> ctx.settings().ipFamily())
            .map(s -> s.toLowerCase(Locale.ROOT));
    if (setting.isPresent()) {
      boolean ipv6 = setting.get().equals("ipv6");
      return new Families(!ipv6, ipv6, false);
    }
    Requirement assign = Requirements.assignIpv6();
    for (Scenario s : scenarios(role, List.of(), List.of())) {
      Decision d = ctx.evaluator().evaluate(permissions.of(role, s), assign.action(), assign.resource(), s);
      if (d instanceof Decision.Allowed) {
        return new Families(false, true, false);
      }
    }
    return new Families(true, false, true);
  }
}
