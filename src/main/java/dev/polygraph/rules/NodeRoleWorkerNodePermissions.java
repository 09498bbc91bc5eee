package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.link.Choice;
import dev.polygraph.value.Guard;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * EKS003: the kubelet and the Pod Identity Agent need AmazonEKSWorkerNodePolicy's permissions (Auto
 * Mode nodes only AmazonEKSWorkerNodeMinimalPolicy's), granted by that policy or any other.
 */
public final class NodeRoleWorkerNodePermissions implements Rule {

  @Override
  public String id() {
    return "EKS003";
  }

  @Override
  public void check(RuleContext ctx) {
    NodeRoleChecks checks = NodeRoleChecks.of(ctx);
    List<Requirement> classic = Requirements.ofManagedPolicy(ctx.managedPolicies(), Requirements.WORKER_NODE);
    List<Requirement> minimal =
        Requirements.ofManagedPolicy(ctx.managedPolicies(), Requirements.WORKER_NODE_MINIMAL);
    Set<String> inMinimal =
        minimal.stream().map(r -> r.action().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    List<Requirement> classicOnly =
        classic.stream().filter(r -> !inMinimal.contains(r.action().toLowerCase(Locale.ROOT))).toList();
    for (RoleNode role : checks.nodeRoles()) {
      Choice<Boolean> autoMode = checks.linked().autoMode(role);
      List<Guard> classicWhere = autoMode.when(false);
      List<Guard> minimalWhere = autoMode.when(true);
      List<Guard> unknownWhere = autoMode.unknowns().stream().map(Choice.Option::guard).toList();
      if (!classicWhere.isEmpty()) {
        report(ctx, checks, role, Requirements.WORKER_NODE, checks.check(role, checks.applicability(role), classicWhere, classic));
      }
      if (!minimalWhere.isEmpty()) {
        report(ctx, checks, role, Requirements.WORKER_NODE_MINIMAL,
            checks.check(role, checks.applicability(role), minimalWhere, minimal));
      }
      if (!unknownWhere.isEmpty()) {
        // Either way the nodes need the minimal set; the rest only if they are not Auto Mode nodes.
        report(ctx, checks, role, Requirements.WORKER_NODE_MINIMAL,
            checks.check(role, checks.applicability(role), unknownWhere, minimal));
        report(ctx, checks, role, Requirements.WORKER_NODE,
            checks.check(role, checks.applicability(role), unknownWhere, classicOnly)
                .undecidedBecause(
                    "it is not known whether its nodes run EKS Auto Mode, which needs only '"
                        + Requirements.WORKER_NODE_MINIMAL + "' (" + autoMode.unknowns().get(0).unknown() + ")"));
      }
    }
  }

  private static void report(
      RuleContext ctx, NodeRoleChecks checks, RoleNode role, String policy, NodeRoleChecks.Outcome outcome) {
    Location at = NodeRoleChecks.permissionsLocation(role);
    checks.report(
        outcome,
        at,
        checks.subject(role),
        "the permissions of '" + policy + "'",
        checks.related(role),
        "attach " + FixSyntax.awsPolicy(ctx.graph(), role.id().file(), policy) + " or allow the missing actions",
        List.of());
  }
}
