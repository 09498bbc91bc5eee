package dev.polygraph.rules;

import dev.polygraph.graph.RoleNode;
import java.util.List;

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
    for (RoleNode role : checks.nodeRoles().nodeRoles()) {
      String policy = checks.autoMode(role) ? Requirements.WORKER_NODE_MINIMAL : Requirements.WORKER_NODE;
      List<Requirement> required = checks.autoMode(role) ? minimal : classic;
      checks.report(
          checks.check(role, checks.applicability(role), required),
          NodeRoleChecks.permissionsLocation(role),
          checks.subject(role),
          "the permissions of '" + policy + "'",
          checks.related(role),
          "attach " + FixSyntax.awsPolicy(ctx.graph(), role.id().file(), policy) + " or allow the missing actions",
          List.of());
    }
  }
}
