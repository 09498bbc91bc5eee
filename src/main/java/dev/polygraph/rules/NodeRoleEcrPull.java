package dev.polygraph.rules;

import dev.polygraph.graph.RoleNode;
import java.util.List;

/** EKS004: nodes pull images (their own add-ons' too) from ECR with the node role. */
public final class NodeRoleEcrPull implements Rule {

  @Override
  public String id() {
    return "EKS004";
  }

  @Override
  public void check(RuleContext ctx) {
    NodeRoleChecks checks = NodeRoleChecks.of(ctx);
    List<Requirement> required = Requirements.ecrPull(ctx.managedPolicies());
    for (RoleNode role : checks.nodeRoles()) {
      checks.report(
          checks.check(role, checks.applicability(role), required),
          NodeRoleChecks.permissionsLocation(role),
          checks.subject(role),
          "the permissions to pull images from ECR",
          checks.related(role),
          "attach "
              + FixSyntax.awsPolicy(ctx.graph(), role.id().file(), Requirements.ECR_PULL_ONLY)
              + " or allow the missing actions",
          List.of());
    }
  }
}
