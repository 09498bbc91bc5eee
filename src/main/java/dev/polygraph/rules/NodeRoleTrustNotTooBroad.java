package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.Effect;
import dev.polygraph.policy.Principal;
import dev.polygraph.policy.Statement;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** EKS002: only the EC2 service should assume a node role, not everyone or a whole account. */
public final class NodeRoleTrustNotTooBroad implements Rule {

  private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:[^:]+:iam::[^:]+:root");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
  private static final String HELP =
      "trust only the service principal ec2.amazonaws.com; remove '*', account roots and NotPrincipal";

  @Override
  public String id() {
    return "EKS002";
  }

  @Override
  public void check(RuleContext ctx) {
    NodeRoleChecks checks = NodeRoleChecks.of(ctx);
    for (RoleNode role : checks.nodeRoles()) {
      if (role.trust() == null) {
        continue;
      }
      Set<String> reported = new HashSet<>();
      for (Statement s : role.trust().statements()) {
        if (s.effect() != Effect.ALLOW || s.principal() == null) {
          continue;
        }
        Optional<String> broad = broadPrincipal(s.principal());
        if (broad.isEmpty() || !reported.add(s.span() + "|" + broad.get())) {
          continue;
        }
        String when = s.guard().isAlways() ? null : s.guard().describe();
        ctx.fail(
            new Location(s.span(), role.address(), null),
            checks.subject(role) + " can be assumed by " + broad.get() + Conditions.suffix(when)
                + "; only the EC2 service should assume it.",
            checks.related(role),
            broad.get() + (when == null ? "" : " when " + when),
            HELP,
            false);
      }
    }
  }

  /** How a message names the too-broad principal, if the statement has one. */
  private static Optional<String> broadPrincipal(Principal p) {
    if (p.not()) {
      return Optional.of("everyone but its 'NotPrincipal'");
    }
    if (p.wildcard()) {
      return Optional.of("anyone ('*')");
    }
    for (Value v : p.of("AWS")) {
      if (!(v instanceof Text t)) {
        continue;
      }
      String shown = t.display();
      // Symbols render as a placeholder so that ${AWS::AccountId}'s colons do not break the ARN's shape.
      String shape = t.render(symbol -> "_");
      if (shape.equals("*")) {
        return Optional.of("any AWS principal ('*')");
      }
      if (ACCOUNT_ROOT.matcher(shape).matches() || ACCOUNT_ID.matcher(shape).matches()) {
        return Optional.of("every principal of account '" + shown + "'");
      }
    }
    return Optional.empty();
  }
}
