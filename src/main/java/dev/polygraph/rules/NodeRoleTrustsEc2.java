package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.value.Scenario;
import java.util.ArrayList;
import java.util.List;

/** EKS001: the EC2 service must be able to assume a node role (it delivers it to the kubelet). */
public final class NodeRoleTrustsEc2 implements Rule {

  static final String HELP =
      "add a trust statement that allows the service principal ec2.amazonaws.com the action sts:AssumeRole";

  @Override
  public String id() {
    return "EKS001";
  }

  @Override
  public void check(RuleContext ctx) {
    NodeRoleChecks checks = NodeRoleChecks.of(ctx);
    for (RoleNode role : checks.nodeRoles()) {
      String subject = checks.subject(role);
      if (role.trust() == null) {
        ctx.fail(
            NodeRoleChecks.roleLocation(role),
            subject + " has no trust policy, so the EC2 service cannot assume it.",
            checks.related(role),
            "no trust policy",
            HELP,
            false);
        continue;
      }
      List<Scenario> all =
          checks.scenarios(role, TrustPolicies.guards(role.trust()), checks.applicability(role));
      List<Scenario> failing = new ArrayList<>();
      boolean undecided = false;
      for (Scenario s : all) {
        TrustPolicies.Answer a = TrustPolicies.trustsEc2(role.trust(), s);
        if (a == TrustPolicies.Answer.NO) {
          failing.add(s);
        } else if (a == TrustPolicies.Answer.UNKNOWN) {
          undecided = true;
        }
      }
      Location at = new Location(role.trust().span(), role.address(), null);
      if (!failing.isEmpty()) {
        String when = Conditions.when(failing, all);
        ctx.fail(
            at,
            subject
                + " does not let the EC2 service assume it: no Allow statement gives 'ec2.amazonaws.com' '"
                + TrustPolicies.ASSUME_ROLE
                + "'"
                + Conditions.suffix(when)
                + ".",
            checks.related(role),
            when == null ? "" : "when " + when,
            HELP,
            false);
      } else if (undecided) {
        String why =
            TrustPolicies.unreadable(role.trust())
                .map(p -> "its trust policy is not fully known (" + TrustPolicies.sentence(p) + ")")
                .orElse("a trust statement is not fully known");
        ctx.undecided(
            at, subject + " may not let the EC2 service assume it: " + why + ".", checks.related(role), "");
      }
    }
  }
}
