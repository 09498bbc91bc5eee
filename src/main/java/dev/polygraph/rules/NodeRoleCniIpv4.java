package dev.polygraph.rules;

import dev.polygraph.link.IpFamily;
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
    checks.checkCni(
        IpFamily.IPV4,
        required,
        "the permissions of '" + Requirements.CNI + "'",
        role -> "attach " + FixSyntax.awsPolicy(ctx.graph(), role.id().file(), Requirements.CNI)
            + " or allow the missing actions");
  }
}
