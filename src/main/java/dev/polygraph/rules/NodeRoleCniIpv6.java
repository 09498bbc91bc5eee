package dev.polygraph.rules;

import dev.polygraph.link.IpFamily;
import java.util.List;

/** EKS006: on IPv6 clusters the VPC CNI needs the six IPv6 permissions on the role it uses. */
public final class NodeRoleCniIpv6 implements Rule {

  @Override
  public String id() {
    return "EKS006";
  }

  @Override
  public void check(RuleContext ctx) {
    NodeRoleChecks checks = NodeRoleChecks.of(ctx);
    List<Requirement> required = Requirements.ipv6Cni();
    checks.checkCni(
        IpFamily.IPV6,
        required,
        "the permissions the IPv6 VPC CNI needs",
        role -> "allow the missing actions (ec2:CreateTags on arn:"
            + FixSyntax.partition(ctx.graph(), role.id().file())
            + ":ec2:*:*:network-interface/*, the others on *)");
  }
}
