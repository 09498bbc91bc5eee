package dev.polygraph.policy;

import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * IAM's JSON policy grammar ("IAM JSON policy element reference"), checked over the value a
 * document was read from, so the check is the same whatever format the document came from.
 *
 * <p>Only what the source fixes is judged: an unknown value, a text with symbols
 * ({@code !Sub arn:${AWS::Partition}:...}) or a JSON string the loader did not decode is taken as
 * valid. Each alternative of a condition ({@code Fn::If}) is judged as written.
 */
public final class PolicyGrammar {

  /** What a document is for: it decides where {@code Principal} and {@code Resource} belong. */
  public enum Kind {
    /** Attached to a role, user or group: needs resources, names no principal. */
    IDENTITY,
    /** A role's trust policy: needs a principal, names no resource. */
    TRUST
  }

  /**
   * One way the document breaks the grammar.
   *
   * @param span where the defect is: the offending key or value, or the map that lacks an element
   * @param message a sentence about the document, starting in lower case ("statement 1 has no
   *     'Effect'.")
   */
  public record Defect(Span span, String message) {}

  static final List<String> VERSIONS = List.of("2012-10-17", "2008-10-17");
  private static final List<String> DOCUMENT_KEYS = List.of("Version", "Id", "Statement");
  private static final List<String> STATEMENT_KEYS =
      List.of(
          "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource",
          "Condition");
  private static final List<String> PRINCIPAL_TYPES = List.of("AWS", "Service", "Federated", "CanonicalUser");
  /** service:action, either part possibly with wildcards; IAM compares both ignoring case. */
  private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9*?-]+:[A-Za-z0-9*?_-]+");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
  /** A principal's unique id ("AROA..."), which IAM shows for a principal that was deleted. */
  private static final Pattern UNIQUE_ID = Pattern.compile("A[A-Z]{3}[A-Z0-9]{12,}");

  private PolicyGrammar() {}

  /** Every defect of {@code document}, in source order within each statement. */
  public static List<Defect> check(Value document, Kind kind) {
    Checker checker = new Checker(kind);
    for (Guarded<Value> alternative : alternatives(document, Guard.ALWAYS)) {
      checker.document(alternative.value(), alternative.guard());
    }
    return List.copyOf(checker.defects);
  }

  /** The state of one check: the defects found and the Sids seen so far. */
  private static final class Checker {
    private final Kind kind;
    private final List<Defect> defects = new ArrayList<>();
    private final List<SidSeen> sids = new ArrayList<>();

    private record SidSeen(String sid, int statement, Guard guard) {}

    Checker(Kind kind) {
      this.kind = kind;
    }

    private void defect(Span span, String message) {
      defects.add(new Defect(span, message));
    }

    void document(Value value, Guard guard) {
      if (!(value instanceof MapValue map)) {
        if (value instanceof ListValue) {
          defect(value.span(), "the document is a list, not a map.");
        }
        // A text may be a JSON string the loader left as it is; an unknown is not judged.
        return;
      }
      Set<String> meant = unknownKeys(map, DOCUMENT_KEYS, "the document");
      Optional<MapValue.Entry> version = present(map, "Version");
      if (version.isEmpty() && !meant.contains("Version")) {
        defect(map.span(), "the document has no 'Version'; write '2012-10-17'.");
      }
      version.ifPresent(
          e ->
              scalar(
                  e.value(),
                  guard,
                  "'Version'",
                  (v, span) -> {
                    if (!VERSIONS.contains(v)) {
                      defect(span, "'Version' is '" + v + "', not '2012-10-17' or '2008-10-17'.");
                    }
                  }));
      present(map, "Id").ifPresent(e -> scalar(e.value(), guard, "'Id'", (v, span) -> {}));
      Optional<MapValue.Entry> statement = present(map, "Statement");
      if (statement.isEmpty()) {
        if (!meant.contains("Statement")) {
          defect(map.span(), "the document has no 'Statement'.");
        }
        return;
      }
      for (Guarded<Value> s : alternatives(statement.get().value(), guard)) {
        if (s.value() instanceof MapValue single) {
          statement(single, s.guard(), 1);
        } else if (s.value() instanceof ListValue list) {
          for (int i = 0; i < list.items().size(); i++) {
            for (Guarded<Value> item : alternatives(list.items().get(i), s.guard())) {
              if (item.value() instanceof MapValue m) {
                statement(m, item.guard(), i + 1);
              } else {
                wrongType(item.value(), "statement " + (i + 1), "a map");
              }
            }
          }
        } else {
          wrongType(s.value(), "'Statement'", "a map or a list");
        }
      }
    }

    private void statement(MapValue map, Guard guard, int number) {
      Optional<String> sid =
          present(map, "Sid").map(MapValue.Entry::value).flatMap(PolicyGrammar::literal).filter(s -> !s.isEmpty());
      String label = "statement " + number + sid.map(s -> " ('" + s + "')").orElse("");
      Set<String> meant = unknownKeys(map, STATEMENT_KEYS, label);

      present(map, "Sid").ifPresent(e -> scalar(e.value(), guard, "'Sid' in " + label, (v, span) -> sid(v, span, number, guard)));
      Optional<MapValue.Entry> effect = present(map, "Effect");
      if (effect.isEmpty() && !meant.contains("Effect")) {
        defect(map.span(), label + " has no 'Effect'.");
      }
      effect.ifPresent(
          e ->
              scalar(
                  e.value(),
                  guard,
                  "'Effect' in " + label,
                  (v, span) -> {
                    if (!v.equals("Allow") && !v.equals("Deny")) {
                      defect(span, label + " has the 'Effect' '" + v + "', not 'Allow' or 'Deny'.");
                    }
                  }));

      pair(map, meant, "Action", "NotAction", label);
      for (String key : List.of("Action", "NotAction")) {
        present(map, key).ifPresent(e -> strings(e, guard, label, (v, span) -> action(v, span, label)));
      }
      if (kind == Kind.IDENTITY) {
        pair(map, meant, "Resource", "NotResource", label);
        for (String key : List.of("Resource", "NotResource")) {
          present(map, key).ifPresent(e -> strings(e, guard, label, (v, span) -> resource(v, span, label)));
        }
        for (String key : List.of("Principal", "NotPrincipal")) {
          present(map, key)
              .ifPresent(e -> defect(e.keySpan(), label + " has '" + key + "'; an identity policy names no principal."));
        }
      } else {
        pair(map, meant, "Principal", "NotPrincipal", label);
        for (String key : List.of("Principal", "NotPrincipal")) {
          present(map, key).ifPresent(e -> principal(e, guard, label));
        }
        for (String key : List.of("Resource", "NotResource")) {
          present(map, key)
              .ifPresent(e -> defect(e.keySpan(), label + " has '" + key + "'; a trust policy names no resource."));
        }
      }
      present(map, "Condition").ifPresent(e -> condition(e.value(), guard, label));
    }

    /** Reports keys outside {@code known}; answers the known keys they seem to misspell. */
    private Set<String> unknownKeys(MapValue map, List<String> known, String where) {
      Set<String> meant = new HashSet<>();
      for (MapValue.Entry e : map.entries()) {
        if (known.contains(e.key())) {
          continue;
        }
        Optional<String> near = nearestKey(e.key(), known);
        near.ifPresent(meant::add);
        defect(
            e.keySpan(),
            where + " has the unknown element '" + e.key() + "'" + near.map(k -> " (did you mean '" + k + "'?)").orElse("")
                + ".");
      }
      return meant;
    }

    /** Both or neither of an element and its negation; neither is not reported when one is misspelled. */
    private void pair(MapValue map, Set<String> meant, String key, String notKey, String label) {
      Optional<MapValue.Entry> plain = present(map, key);
      Optional<MapValue.Entry> not = present(map, notKey);
      if (plain.isPresent() && not.isPresent()) {
        defect(not.get().keySpan(), label + " has both '" + key + "' and '" + notKey + "'.");
      } else if (plain.isEmpty() && not.isEmpty() && !meant.contains(key) && !meant.contains(notKey)) {
        defect(map.span(), label + " has neither '" + key + "' nor '" + notKey + "'.");
      }
    }

    private void sid(String sid, Span span, int number, Guard guard) {
      if (sid.isEmpty()) {
        return;
      }
      for (SidSeen seen : sids) {
        // Statements in opposite branches of a condition never meet in one document.
        if (seen.sid().equals(sid) && seen.statement() != number && seen.guard().and(guard).isPresent()) {
          defect(span, "statement " + number + " repeats the 'Sid' '" + sid + "' of statement " + seen.statement() + ".");
          return;
        }
      }
      sids.add(new SidSeen(sid, number, guard));
    }

    private void action(String action, Span span, String label) {
      if (!action.equals("*") && !ACTION.matcher(action).matches()) {
        defect(span, "the action '" + action + "' in " + label + " is not of the form 'service:action'.");
      }
    }

    private void resource(String resource, Span span, String label) {
      if (!resource.equals("*") && !isArn(resource)) {
        defect(
            span,
            "the resource '" + resource + "' in " + label
                + " is not '*' or an ARN ('arn:partition:service:region:account:resource').");
      }
    }

    private void principal(MapValue.Entry entry, Guard guard, String label) {
      String what = "'" + entry.key() + "' in " + label;
      for (Guarded<Value> v : alternatives(entry.value(), guard)) {
        if (v.value() instanceof MapValue types) {
          for (MapValue.Entry typed : types.entries()) {
            if (!PRINCIPAL_TYPES.contains(typed.key())) {
              Optional<String> near = nearestKey(typed.key(), PRINCIPAL_TYPES);
              defect(
                  typed.keySpan(),
                  label + " names the unknown principal type '" + typed.key() + "'"
                      + near.map(k -> " (did you mean '" + k + "'?)").orElse("") + ".");
            } else if (typed.key().equals("AWS")) {
              strings(typed, v.guard(), label, (id, span) -> awsPrincipal(id, span, label));
            } else {
              strings(typed, v.guard(), label, (id, span) -> {});
            }
          }
        } else if (!literal(v.value()).filter("*"::equals).isPresent()) {
          wrongType(v.value(), what, "'*' or a map of principal types");
        }
      }
    }

    private void awsPrincipal(String id, Span span, String label) {
      if (!id.equals("*") && !ACCOUNT_ID.matcher(id).matches() && !UNIQUE_ID.matcher(id).matches() && !isArn(id)) {
        defect(span, "the principal '" + id + "' in " + label + " is not an account ID, an ARN or '*'.");
      }
    }

    private void condition(Value value, Guard guard, String label) {
      for (Guarded<Value> c : alternatives(value, guard)) {
        if (!(c.value() instanceof MapValue operators)) {
          wrongType(c.value(), "'Condition' in " + label, "a map");
          continue;
        }
        for (MapValue.Entry operator : operators.entries()) {
          for (Guarded<Value> keys : alternatives(operator.value(), c.guard())) {
            if (keys.value() instanceof MapValue m) {
              m.entries().forEach(key -> strings(key, keys.guard(), label, (v, span) -> {}));
            } else {
              wrongType(keys.value(), "the condition operator '" + operator.key() + "' in " + label, "a map of condition keys");
            }
          }
        }
      }
    }

    /** A string-or-list element: each literal string goes to {@code check}, wrong shapes are defects. */
    private void strings(MapValue.Entry entry, Guard guard, String label, BiConsumer<String, Span> check) {
      String what = "'" + entry.key() + "' in " + label;
      for (Guarded<Value> v : alternatives(entry.value(), guard)) {
        if (v.value() instanceof ListValue list) {
          for (int i = 0; i < list.items().size(); i++) {
            for (Guarded<Value> item : alternatives(list.items().get(i), v.guard())) {
              if (item.value() instanceof Text t) {
                t.literal().ifPresent(s -> check.accept(s, t.span()));
              } else {
                wrongType(item.value(), "element " + (i + 1) + " of " + what, "a string");
              }
            }
          }
        } else if (v.value() instanceof Text t) {
          t.literal().ifPresent(s -> check.accept(s, t.span()));
        } else {
          wrongType(v.value(), what, "a string or a list of strings");
        }
      }
    }

    /** A single-string element. */
    private void scalar(Value value, Guard guard, String what, BiConsumer<String, Span> check) {
      for (Guarded<Value> v : alternatives(value, guard)) {
        if (v.value() instanceof Text t) {
          t.literal().ifPresent(s -> check.accept(s, t.span()));
        } else {
          wrongType(v.value(), what, "a string");
        }
      }
    }

    /** Lists, maps and literal strings where they do not belong; unknowns and symbols are not judged. */
    private void wrongType(Value value, String what, String expected) {
      String shape;
      if (value instanceof ListValue) {
        shape = "a list";
      } else if (value instanceof MapValue) {
        shape = "a map";
      } else if (value instanceof Text t && t.literal().isPresent()) {
        shape = "the string '" + t.literal().get() + "'";
      } else {
        return;
      }
      defect(value.span(), what + " is " + shape + ", not " + expected + ".");
    }
  }

  /**
   * The entry for {@code key} unless it is absent ({@code AWS::NoValue}); a key written twice is
   * the last one, as JSON parsers read it.
   */
  private static Optional<MapValue.Entry> present(MapValue map, String key) {
    return map.entry(key).filter(e -> !(e.value() instanceof Absent));
  }

  /** The value's alternatives, each under its guard; absent ones are dropped. */
  private static List<Guarded<Value>> alternatives(Value value, Guard guard) {
    List<Guarded<Value>> out = new ArrayList<>();
    collect(value, guard, out);
    return out;
  }

  private static void collect(Value value, Guard guard, List<Guarded<Value>> out) {
    if (value instanceof OneOf one) {
      for (Guarded<Value> branch : one.branches()) {
        guard.and(branch.guard()).ifPresent(g -> collect(branch.value(), g, out));
      }
    } else if (!(value instanceof Absent)) {
      out.add(new Guarded<>(guard, value));
    }
  }

  private static Optional<String> literal(Value value) {
    return value instanceof Text t ? t.literal() : Optional.empty();
  }

  /**
   * An ARN: "arn", partition, service, region, account and resource. IAM lets a trailing {@code *}
   * of a segment stand for the colons after it, so a shorter pattern with such a star passes.
   */
  static boolean isArn(String s) {
    String[] parts = s.split(":", 6);
    if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()) {
      return false;
    }
    if (parts.length == 6) {
      return !parts[5].isEmpty();
    }
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].endsWith("*")) {
        return true;
      }
    }
    return false;
  }

  /** The known key {@code key} seems to misspell: the same but for case, or a slip away. */
  private static Optional<String> nearestKey(String key, List<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = EditDistance.between(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && (bestDistance == 0 || EditDistance.isSlip(bestDistance, key.length()))
        ? Optional.of(best)
        : Optional.empty();
  }
}
