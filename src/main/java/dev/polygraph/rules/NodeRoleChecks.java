package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.link.CniUse;
import dev.polygraph.link.Evidence;
import dev.polygraph.link.IpFamily;
import dev.polygraph.link.LinkedGraph;
import dev.polygraph.policy.Decision;
import dev.polygraph.policy.PolicySet;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Scenario;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the node-role rules share: how a role is named in messages, where role-level findings point,
 * and checking a list of requirements over every scenario. The facts they read (node roles, CNI
 * uses, Auto Mode, permissions) come from the scan's {@link LinkedGraph}.
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
  record Outcome(List<Gap> gaps, Map<String, String> undecided) {

    /** The same outcome where nothing is proven: every missing action is undecided, for {@code reason}. */
    Outcome undecidedBecause(String reason) {
      Map<String, String> all = new LinkedHashMap<>(undecided);
      for (Gap gap : gaps) {
        gap.missing().forEach(action -> all.putIfAbsent(action, reason));
      }
      return new Outcome(List.of(), all);
    }
  }

  private final RuleContext ctx;
  private final LinkedGraph linked;

  private NodeRoleChecks(RuleContext ctx) {
    this.ctx = ctx;
    this.linked = ctx.linked();
  }

  static NodeRoleChecks of(RuleContext ctx) {
    return new NodeRoleChecks(ctx);
  }

  LinkedGraph linked() {
    return linked;
  }

  List<RoleNode> nodeRoles() {
    return linked.nodeRoles();
  }

  /** "Node role 'NodeInstanceRole' (used by node group 'Workers')". */
  String subject(RoleNode role) {
    List<Evidence> evidence = linked.evidence(role);
    String why = evidence.isEmpty() ? "" : " (" + Reasons.text(evidence.get(0)) + ")";
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

  /** What makes the role a node role: its first evidence's place and that evidence's related places. */
  List<Location> related(RoleNode role) {
    List<Evidence> evidence = linked.evidence(role);
    if (evidence.isEmpty()) {
      return List.of();
    }
    List<Location> out = new ArrayList<>();
    out.add(Reasons.location(evidence.get(0)));
    out.addAll(Reasons.related(evidence.get(0)));
    return out;
  }

  /** The guards under which the role is a node role. */
  List<Guard> applicability(RoleNode role) {
    return linked.evidence(role).stream().map(Evidence::guard).toList();
  }

  /**
   * The scenarios to evaluate the role in: every assignment of the conditions that touch it, kept
   * only where the role exists and plays its part (one of {@code applicability} holds).
   */
  List<Scenario> scenarios(RoleNode role, Collection<Guard> extra, List<Guard> applicability) {
    Set<Guard> guards = new LinkedHashSet<>(linked.permissions().guards(role));
    guards.addAll(extra);
    guards.addAll(applicability);
    List<Scenario> out = new ArrayList<>();
    for (Scenario s : Conditions.scenarios(guards)) {
      if (role.guard().holdsIn(s) && holdsIn(applicability, s)) {
        out.add(s);
      }
    }
    return out;
  }

  /** Checks every requirement in every scenario where the role plays its part. */
  Outcome check(RoleNode role, List<Guard> applicability, List<Requirement> requirements) {
    return check(role, applicability, List.of(Guard.ALWAYS), requirements);
  }

  /**
   * Checks every requirement where the role plays its part ({@code applicability}) and the
   * requirement applies ({@code where}: the cluster's IP family, its mode); missing ones are
   * grouped by the conditions they miss under, named against every scenario the role plays its
   * part in, so that "missing when 'IsIPv6' is false" says which choice of the condition needs them.
   */
  Outcome check(RoleNode role, List<Guard> applicability, List<Guard> where, List<Requirement> requirements) {
    List<Scenario> scenarios = scenarios(role, where, applicability);
    Map<String, List<Scenario>> failing = new LinkedHashMap<>();
    Map<String, Span> denials = new LinkedHashMap<>();
    Map<String, String> undecided = new LinkedHashMap<>();
    for (Requirement r : requirements) {
      failing.put(r.action(), new ArrayList<>());
    }
    for (Scenario s : scenarios) {
      if (!holdsIn(where, s)) {
        continue;
      }
      PolicySet set = linked.permissions().of(role, s);
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

  private static boolean holdsIn(List<Guard> anyOf, Scenario s) {
    return anyOf.isEmpty() || anyOf.stream().anyMatch(g -> g.holdsIn(s));
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

  /** "VPC CNI role 'CniRole' (used by add-on 'VpcCni')", or the node role's subject. */
  String subject(CniUse use) {
    return use.cniRole() == null
        ? subject(use.role())
        : "VPC CNI role '" + use.role().address() + "' (" + Reasons.text(use.cniRole()) + ")";
  }

  /** What makes the role the CNI's: the node role's evidence, or the add-on and its cluster. */
  List<Location> related(CniUse use) {
    if (use.cniRole() == null) {
      return related(use.role());
    }
    return List.of(
        Reasons.location(use.cniRole()),
        Reasons.at(use.cluster(), "Cluster '" + use.cluster().address() + "' of the add-on."));
  }

  /**
   * Checks the requirements of the VPC CNI of one IP family on every role the CNI uses for it, where
   * it does: the cluster's IP family and mode join the role's scenarios, so a condition that chooses
   * both the IP family and the policies is read with one value at a time.
   */
  void checkCni(IpFamily family, List<Requirement> required, String what, Function<RoleNode, String> help) {
    for (CniUse use : linked.cniUses()) {
      List<CniUse.Family> uses = use.families(family);
      if (uses.isEmpty()) {
        continue;
      }
      List<String> assumptions = new ArrayList<>();
      if (family == IpFamily.IPV4 && uses.stream().allMatch(f -> f.source() == CniUse.Source.ASSUMED)) {
        assumptions.add(ASSUMED_IPV4);
      }
      if (use.cniAssumed()) {
        assumptions.add(ASSUMED_CNI_ON_NODE_ROLE);
      }
      List<Guard> known = uses.stream().filter(f -> f.autoModeUnknown() == null).map(CniUse.Family::guard).toList();
      List<CniUse.Family> unknownMode = uses.stream().filter(f -> f.autoModeUnknown() != null).toList();
      Location at = permissionsLocation(use.role());
      if (!known.isEmpty()) {
        report(
            check(use.role(), use.applicability(), known, required),
            at, subject(use), what, related(use), help.apply(use.role()), assumptions);
      }
      if (!unknownMode.isEmpty()) {
        String cluster = use.cluster() == null ? "the cluster" : "cluster '" + use.cluster().address() + "'";
        String why =
            "it is not known whether " + cluster + " runs EKS Auto Mode, which needs no VPC CNI permissions on its"
                + " roles (" + unknownMode.get(0).autoModeUnknown() + ")";
        report(
            check(use.role(), use.applicability(), unknownMode.stream().map(CniUse.Family::guard).toList(), required)
                .undecidedBecause(why),
            at, subject(use), what, related(use), help.apply(use.role()), assumptions);
      }
    }
  }
}
