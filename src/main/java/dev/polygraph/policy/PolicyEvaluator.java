package dev.polygraph.policy;

import dev.polygraph.value.Guard;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * IAM's evaluation logic for identity-based policies: explicit Deny wins, then any Allow; a
 * permissions boundary intersects. Wildcards are matched in linear time.
 *
 * <p>The request's resource may itself hold wildcards ({@code arn:aws:ec2:*:*:network-interface/*}
 * means every network interface): an Allow must cover all of it, and a Deny that covers only part
 * of it makes the answer undecided. A Deny with a Condition may or may not apply, so an answer that
 * it could turn into a Deny is undecided too. Statements whose guard the scenario leaves open
 * (neither true nor false) may or may not exist, and count as such.
 *
 * <p>Symbols render the same way on both sides: the partition and URL suffix as the evaluator's
 * partition says, the account, region and stack as fixed placeholders. Other symbols (parameters
 * without a value, attributes of resources) make a statement "maybe" wherever a wildcard in their
 * place would match, and never match where it would not. An attribute of a resource is one
 * concrete name or ARN, so a pattern holding one never grants a wildcard request such as "*"; a
 * parameter could itself be "*", so a pattern that is only a parameter may.
 */
public final class PolicyEvaluator {

  static final String ACCOUNT_PLACEHOLDER = "000000000000";
  static final String REGION_PLACEHOLDER = "zz-placeholder-1";
  static final String STACK_NAME_PLACEHOLDER = "placeholder-stack";

  /** Longest pair of strings compared by {@link WildcardMatcher#overlaps} (its table is their product). */
  private static final long MAX_OVERLAP_CELLS = 4_000_000L;

  private final Partition partition;

  /** An evaluator for the commercial partition, {@code aws}. */
  public PolicyEvaluator() {
    this(Partition.AWS);
  }

  /**
   * An evaluator pinned to a partition by its ARN name ("aws-cn").
   *
   * @throws IllegalArgumentException when no AWS partition has that name
   */
  public PolicyEvaluator(String partition) {
    this(
        Partition.byArnName(partition)
            .orElseThrow(() -> new IllegalArgumentException("unknown AWS partition '" + partition + "'")));
  }

  public PolicyEvaluator(Partition partition) {
    this.partition = partition;
  }

  /**
   * May a principal with these policies do {@code action} on {@code resource} in this scenario?
   *
   * @param resource "*" or an ARN, possibly with symbols (partition, account, region)
   */
  public Decision evaluate(PolicySet policies, String action, Text resource, Scenario scenario) {
    Rendered res = render(resource);
    Request request = new Request(action, res.text(), res.vagueWhy() != null);
    Decision identity =
        decide(policies.identity(), policies.unresolved(), request, scenario, PolicyEvaluator::quoted);
    if (identity instanceof Decision.Denied) {
      return identity;
    }
    if (policies.boundaryUnresolved() != null) {
      return identity instanceof Decision.Allowed ? new Decision.Undecided(policies.boundaryUnresolved()) : identity;
    }
    PolicyDocument boundary = policies.boundary();
    if (boundary == null) {
      return identity;
    }
    Decision bounded =
        decide(List.of(boundary), List.of(), request, scenario, d -> "the permissions boundary " + quoted(d));
    if (bounded instanceof Decision.Denied) {
      return bounded;
    }
    if (identity instanceof Decision.NotAllowed) {
      return identity;
    }
    if (bounded instanceof Decision.NotAllowed) {
      return new Decision.Denied(null, "not allowed by the permissions boundary " + quoted(boundary));
    }
    if (identity instanceof Decision.Undecided) {
      return identity;
    }
    if (bounded instanceof Decision.Undecided) {
      return bounded;
    }
    Decision.Allowed allowed = (Decision.Allowed) identity;
    boolean conditional = allowed.conditional() || ((Decision.Allowed) bounded).conditional();
    return new Decision.Allowed(allowed.by(), conditional);
  }

  /** The request with its resource rendered; {@code vagueResource} when it held unknown parts. */
  private record Request(String action, String resource, boolean vagueResource) {}

  private interface Namer {
    String name(PolicyDocument doc);
  }

  private Decision decide(
      List<PolicyDocument> docs, List<String> unresolved, Request request, Scenario scenario, Namer namer) {
    List<Statement> allows = new ArrayList<>();
    String maybeAllow = null;
    String maybeDeny = null;
    String maybeEither = null;
    for (PolicyDocument doc : docs) {
      String where = namer.name(doc);
      for (Statement st : doc.statements()) {
        Match exists = exists(st.guard(), scenario);
        if (exists.state() == Tri.NO) {
          continue;
        }
        if (st.effect() == Effect.DENY) {
          Match hit = and(denyHit(st, request), exists);
          if (hit.state() == Tri.YES && !st.conditional()) {
            return new Decision.Denied(st, "explicitly denied by " + statementName(st) + " in " + where);
          }
          if (hit.state() != Tri.NO && maybeDeny == null) {
            maybeDeny =
                st.conditional() && hit.state() == Tri.YES
                    ? "a conditional Deny in " + where + " may apply"
                    : "a Deny in " + where + " may apply (" + hit.why() + ")";
          }
        } else if (st.effect() == Effect.ALLOW) {
          Match grant = and(allowGrant(st, request), exists);
          if (grant.state() == Tri.YES) {
            allows.add(st);
          } else if (grant.state() == Tri.MAYBE && maybeAllow == null) {
            maybeAllow = "an Allow in " + where + " may apply (" + grant.why() + ")";
          }
        } else {
          Match hit = and(denyHit(st, request), exists);
          if (hit.state() != Tri.NO && maybeEither == null) {
            maybeEither = "a statement in " + where + " whose Effect is not known may apply";
          }
        }
      }
    }
    if (maybeEither != null) {
      return new Decision.Undecided(maybeEither);
    }
    if (!allows.isEmpty()) {
      if (maybeDeny != null) {
        return new Decision.Undecided(maybeDeny);
      }
      return new Decision.Allowed(allows, allows.stream().allMatch(Statement::conditional));
    }
    if (maybeAllow != null) {
      return new Decision.Undecided(maybeAllow);
    }
    if (!unresolved.isEmpty()) {
      return new Decision.Undecided(unresolved.get(0));
    }
    for (PolicyDocument doc : docs) {
      if (!doc.problems().isEmpty()) {
        return new Decision.Undecided(
            namer.name(doc) + " could not be read entirely: " + fragment(doc.problems().get(0)));
      }
    }
    return new Decision.NotAllowed();
  }

  /** Whether the statement's guard holds: yes, no, or open when the scenario does not say. */
  private static Match exists(Guard guard, Scenario scenario) {
    boolean open = false;
    for (Map.Entry<String, Boolean> term : guard.terms().entrySet()) {
      Boolean v = scenario.assignment().get(term.getKey());
      if (v == null) {
        open = true;
      } else if (!v.equals(term.getValue())) {
        return Match.NO;
      }
    }
    return open ? Match.maybe("it exists only when " + guard.describe()) : Match.YES;
  }

  /** Whether an Allow statement grants the whole request. */
  private Match allowGrant(Statement st, Request request) {
    Match action =
        st.notAction()
            ? not(any(st.actions(), e -> overlap(e, request.action(), false, true)), "the requested action")
            : any(st.actions(), e -> cover(e, request.action(), true));
    if (action.state() == Tri.NO) {
      return action;
    }
    Match resource =
        st.notResource()
            ? not(any(st.resources(), e -> overlap(e, request.resource(), request.vagueResource(), false)),
                "the requested resource")
            : any(st.resources(), e -> cover(e, request.resource(), false));
    return and(action, resource);
  }

  /** Whether a Deny statement hits the request: all of it (yes), none (no) or maybe part of it. */
  private Match denyHit(Statement st, Request request) {
    Match action = hit(st.notAction(), st.actions(), request.action(), false, true, "actions");
    if (action.state() == Tri.NO) {
      return action;
    }
    Match resource =
        hit(st.notResource(), st.resources(), request.resource(), request.vagueResource(), false, "resources");
    return and(action, resource);
  }

  private Match hit(boolean not, List<Value> elements, String subject, boolean vague, boolean ignoreCase, String what) {
    Match covered = any(elements, e -> cover(e, subject, ignoreCase));
    Match overlapped = any(elements, e -> overlap(e, subject, vague, ignoreCase));
    String partial = "it applies to part of the requested " + what;
    if (!not) {
      if (covered.state() == Tri.YES) {
        return covered;
      }
      if (overlapped.state() == Tri.NO) {
        return Match.NO;
      }
      return Match.maybe(covered.state() == Tri.MAYBE ? covered.why() : overlapped.state() == Tri.MAYBE ? overlapped.why() : partial);
    }
    // NotAction/NotResource: the statement hits what none of its elements matches.
    if (overlapped.state() == Tri.NO) {
      return Match.YES;
    }
    if (covered.state() == Tri.YES) {
      return Match.NO;
    }
    return Match.maybe(overlapped.state() == Tri.MAYBE ? overlapped.why() : partial);
  }

  private Match cover(Value element, String subject, boolean ignoreCase) {
    if (element instanceof Unknown u) {
      return Match.maybe(u.reason());
    }
    Rendered r = render((Text) element);
    if (r.hasAttribute() && (subject.indexOf('*') >= 0 || subject.indexOf('?') >= 0)) {
      // An attribute of a resource is one concrete name or ARN: it never stands for all of a wildcard.
      return Match.NO;
    }
    if (!WildcardMatcher.covers(r.text(), subject, ignoreCase)) {
      return Match.NO;
    }
    return r.vagueWhy() == null ? Match.YES : Match.maybe(r.vagueWhy());
  }

  private Match overlap(Value element, String subject, boolean vagueSubject, boolean ignoreCase) {
    if (element instanceof Unknown u) {
      return Match.maybe(u.reason());
    }
    Rendered r = render((Text) element);
    if ((long) (r.text().length() + 1) * (subject.length() + 1) > MAX_OVERLAP_CELLS) {
      return Match.maybe("'" + shorten(r.text()) + "' is too long to compare");
    }
    if (!WildcardMatcher.overlaps(r.text(), subject, ignoreCase)) {
      return Match.NO;
    }
    if (r.vagueWhy() != null) {
      return Match.maybe(r.vagueWhy());
    }
    return vagueSubject ? Match.maybe("the requested resource is not fully known") : Match.YES;
  }

  /**
   * A text as the matcher sees it: pseudo parameters filled in, other symbols turned into '*'.
   *
   * @param vagueWhy why the text is not fully known, or null when it is
   * @param hasAttribute whether a resource attribute is part of it
   */
  private record Rendered(String text, String vagueWhy, boolean hasAttribute) {}

  private Rendered render(Text text) {
    StringBuilder sb = new StringBuilder();
    String why = null;
    boolean attribute = false;
    for (Text.Part part : text.parts()) {
      if (part instanceof Text.Literal l) {
        sb.append(l.text());
      } else if (part instanceof Text.Sym s) {
        String fixed = fixed(s.symbol());
        if (fixed != null) {
          sb.append(fixed);
        } else {
          // Any string could stand here, so a wildcard matches everything it could match.
          sb.append('*');
          attribute |= s.symbol() instanceof Symbol.ResourceAttr;
          if (why == null) {
            why = vagueReason(s.symbol());
          }
        }
      }
    }
    return new Rendered(sb.toString(), why, attribute);
  }

  /** What a deployment fact is rendered as, or null when the evaluator cannot fix it. */
  private String fixed(Symbol symbol) {
    if (!(symbol instanceof Symbol.Pseudo p)) {
      return null;
    }
    switch (p.kind()) {
      case PARTITION:
        return partition.arnName();
      case URL_SUFFIX:
        return partition.dnsSuffix();
      case ACCOUNT_ID:
        return ACCOUNT_PLACEHOLDER;
      case REGION:
        return REGION_PLACEHOLDER;
      case STACK_NAME:
        return STACK_NAME_PLACEHOLDER;
      case STACK_ID:
        return "arn:" + partition.arnName() + ":cloudformation:" + REGION_PLACEHOLDER + ":"
            + ACCOUNT_PLACEHOLDER + ":stack/" + STACK_NAME_PLACEHOLDER + "/00000000-0000-0000-0000-000000000000";
      default:
        return null;
    }
  }

  private static String vagueReason(Symbol symbol) {
    if (symbol instanceof Symbol.Opaque o) {
      return "'" + o.display() + "' is not known: " + o.reason();
    }
    return "'" + symbol.display() + "' is not known before deployment";
  }

  private interface Matcher {
    Match apply(Value element);
  }

  /** The first yes, else the first maybe, else no. */
  private static Match any(List<Value> elements, Matcher matcher) {
    Match maybe = null;
    for (Value e : elements) {
      Match m = matcher.apply(e);
      if (m.state() == Tri.YES) {
        return m;
      }
      if (m.state() == Tri.MAYBE && maybe == null) {
        maybe = m;
      }
    }
    return maybe != null ? maybe : Match.NO;
  }

  private static Match not(Match m, String what) {
    switch (m.state()) {
      case YES:
        return Match.NO;
      case NO:
        return Match.YES;
      default:
        return Match.maybe(m.why() + ", which may exclude " + what);
    }
  }

  private static Match and(Match a, Match b) {
    if (a.state() == Tri.NO || b.state() == Tri.NO) {
      return Match.NO;
    }
    if (a.state() == Tri.MAYBE) {
      return a;
    }
    return b;
  }

  private enum Tri {
    YES,
    NO,
    MAYBE
  }

  /** A three-valued answer; a maybe says why. */
  private record Match(Tri state, String why) {
    static final Match YES = new Match(Tri.YES, null);
    static final Match NO = new Match(Tri.NO, null);

    static Match maybe(String why) {
      return new Match(Tri.MAYBE, why);
    }
  }

  private static String statementName(Statement st) {
    return st.sid() == null || st.sid().isEmpty() ? "a Deny statement" : "the statement '" + st.sid() + "'";
  }

  /** "'AmazonEKSWorkerNodePolicy'"; a name that already quotes ("inline policy 'n'") stays as it is. */
  private static String quoted(PolicyDocument doc) {
    return doc.name().contains("'") ? doc.name() : "'" + doc.name() + "'";
  }

  /** A problem sentence as part of a longer reason: without its final period. */
  private static String fragment(String sentence) {
    return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
