package dev.polygraph.rules;

import dev.polygraph.policy.WildcardMatcher;
import dev.polygraph.policy.Effect;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.Principal;
import dev.polygraph.policy.Statement;
import dev.polygraph.policy.ServicePrincipals;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Reading trust policies: who may assume a role. */
final class TrustPolicies {

  static final String ASSUME_ROLE = "sts:AssumeRole";

  enum Answer {
    YES,
    NO,
    UNKNOWN
  }

  private TrustPolicies() {}

  /**
   * Whether the trust policy lets an EC2 service principal {@code sts:AssumeRole} in the scenario.
   * A document with parts that could not be read (not known, or not what IAM expects) never answers
   * NO: what is missing may be the statement that allows it.
   */
  static Answer trustsEc2(PolicyDocument trust, Scenario scenario) {
    boolean allowed = false;
    boolean maybeAllowed = false;
    boolean maybeDenied = false;
    for (Statement s : trust.statements()) {
      if (!s.guard().holdsIn(scenario)) {
        continue;
      }
      Answer a = grantsAssumeRole(s, ServicePrincipals::isEc2, ServicePrincipals::mayBeEc2);
      if (a == Answer.NO) {
        continue;
      }
      if (s.effect() == Effect.DENY) {
        if (a == Answer.YES && !s.conditional()) {
          return Answer.NO;
        }
        maybeDenied = true;
      } else if (s.effect() == Effect.ALLOW) {
        allowed |= a == Answer.YES;
        maybeAllowed |= a == Answer.UNKNOWN;
      } else {
        maybeAllowed = true;
        maybeDenied = true;
      }
    }
    if (allowed && !maybeDenied) {
      return Answer.YES;
    }
    return allowed || maybeAllowed || unreadable(trust).isPresent() ? Answer.UNKNOWN : Answer.NO;
  }

  /** A problem's sentence as a clause: "The policy document is not known: x." → "the policy document is not known: x". */
  static String sentence(String problem) {
    String clause = problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem;
    return clause.isEmpty() ? clause : Character.toLowerCase(clause.charAt(0)) + clause.substring(1);
  }

  /** Why parts of the document could not be read ("The policy document is not known: …"), if they could not. */
  static Optional<String> unreadable(PolicyDocument doc) {
    if (!doc.problems().isEmpty()) {
      return Optional.of(doc.problems().get(0));
    }
    return doc.source() instanceof Unknown u ? Optional.of("the policy document is not known: " + u.reason()) : Optional.empty();
  }

  /** The Allow statements that let a service principal matching {@code service} assume the role. */
  static List<Statement> allowing(PolicyDocument trust, Predicate<Value> service) {
    List<Statement> out = new ArrayList<>();
    for (Statement s : trust.statements()) {
      if (s.effect() == Effect.ALLOW && grantsAssumeRole(s, service, v -> false) == Answer.YES) {
        out.add(s);
      }
    }
    return out;
  }

  static boolean isEc2(Value principal) {
    return ServicePrincipals.isEc2(principal);
  }

  static boolean isEks(Value principal) {
    return ServicePrincipals.isEks(principal);
  }

  /**
   * Whether the statement names a matching service principal and an action covering sts:AssumeRole.
   *
   * @param maybe whether a principal not known to be the service may be it
   */
  private static Answer grantsAssumeRole(Statement s, Predicate<Value> service, Predicate<Value> maybe) {
    Principal p = s.principal();
    if (p == null || p.not() || p.wildcard()) {
      return Answer.NO;
    }
    Answer principal = Answer.NO;
    for (Value v : p.of("Service")) {
      if (service.test(v)) {
        principal = Answer.YES;
        break;
      }
      if (!(v instanceof Text) || maybe.test(v)) {
        principal = Answer.UNKNOWN;
      }
    }
    if (principal == Answer.NO) {
      return Answer.NO;
    }
    Answer action = coversAssumeRole(s);
    return action == Answer.YES ? principal : action;
  }

  private static Answer coversAssumeRole(Statement s) {
    boolean unknown = false;
    boolean matched = false;
    for (Value v : s.actions()) {
      Optional<String> pattern = v instanceof Text t ? t.literal() : Optional.empty();
      if (pattern.isEmpty()) {
        unknown = true;
      } else if (WildcardMatcher.matches(pattern.get(), ASSUME_ROLE, true)) {
        matched = true;
      }
    }
    if (s.notAction()) {
      // NotAction: every action the list does not name.
      return matched ? Answer.NO : unknown ? Answer.UNKNOWN : Answer.YES;
    }
    return matched ? Answer.YES : unknown ? Answer.UNKNOWN : Answer.NO;
  }

  /** The guards of the trust policy's statements. */
  static List<Guard> guards(PolicyDocument trust) {
    List<Guard> out = new ArrayList<>();
    for (Statement s : trust.statements()) {
      out.add(s.guard());
    }
    return out;
  }
}
