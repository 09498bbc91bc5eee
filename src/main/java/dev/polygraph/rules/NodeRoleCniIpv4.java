package dev.polygraph.rules;

import java.util.List;

/** EKS005: on IPv4 clusters the VPC CNI needs AmazonEKS_CNI_Policy's permissions on the role it uses. */
public final class NodeRoleCniIpv4 implements Rule {

  @Override
  public String id() {
    return "EKS005";
  }

  @Override
  public void check(RuleContext ctx) {
    NodeRoleChecks checks = NodeRoleChecks.of(ctx);
    List<Requirement> required = Requirements.ofManagedPolicy(ctx.managedPolicies(), Requirements.CNI);
    for (NodeRoleChecks.CniSubject s : checks.cniSubjects()) {
      if (!s.ipv4()) {
        continue;
      }
      checks.report(
          checks.check(s.role(), s.applicability(), required),
          NodeRoleChecks.permissionsLocation(s.role()),
          s.subject(),
          "the permissions of '" + Requirements.CNI + "'",
          s.related(),
          "attach " + FixSyntax.awsPolicy(ctx.graph(), s.role().id().file(), Requirements.CNI)
              + " or allow the missing actions",
          s.assumptions(true));
    }
  }
}
