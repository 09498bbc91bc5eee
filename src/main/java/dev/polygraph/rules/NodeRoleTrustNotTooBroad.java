package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.Effect;
import dev.polygraph.policy.Principal;
import dev.polygraph.policy.Statement;
import dev.polygraph.policy.WildcardMatcher;
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
      Optional<String> undecided = TrustPolicies.unreadable(role.trust()).map(TrustPolicies::sentence);
      for (Statement s : role.trust().statements()) {
        if (s.effect() == Effect.DENY || s.principal() == null) {
          continue;
        }
        Optional<String> broad = broadPrincipal(s.principal());
        if (broad.isPresent() && s.effect() == null) {
          undecided = undecided.or(() -> Optional.of("the 'Effect' of a statement that lets " + broad.get()
              + " assume it is not known"));
          continue;
        }
        if (broad.isEmpty()) {
          undecided = undecided.or(() -> unknownPrincipal(s.principal()));
          continue;
        }
        if (!reported.add(s.span() + "|" + broad.get())) {
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
      if (reported.isEmpty() && undecided.isPresent()) {
        ctx.undecided(
            new Location(role.trust().span(), role.address(), null),
            checks.subject(role) + " may be assumed by more than the EC2 service: " + undecided.get() + ".",
            checks.related(role),
            "");
      }
    }
  }

  /**
   * Why an AWS principal of the statement may be too broad though it is not known to be: it is not
   * known, or its unknown parts could make it '*' or an account.
   */
  private static Optional<String> unknownPrincipal(Principal p) {
    for (Value v : p.of("AWS")) {
      if (!(v instanceof Text t)) {
        return Optional.of("an AWS principal of its trust policy is not known");
      }
      if (t.literal().isEmpty()) {
        String pattern = t.render(symbol -> "*");
        if (WildcardMatcher.matches(pattern, "*", false)
            || WildcardMatcher.matches(pattern, "arn:aws:iam::111122223333:root", false)
            || WildcardMatcher.matches(pattern, "111122223333", false)) {
          return Optional.of("the AWS principal '" + t.display() + "' of its trust policy is not known");
        }
      }
    }
    return Optional.empty();
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
