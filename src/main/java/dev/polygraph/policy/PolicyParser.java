package dev.polygraph.policy;

import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads an IAM policy document from an evaluated value (JSON object, YAML map, jsonencode). */
public final class PolicyParser {

  private PolicyParser() {}

  /**
   * The document in {@code value}, its statements expanded over the conditions inside it. Never
   * throws on bad input: what cannot be read is left out and listed in {@link
   * PolicyDocument#problems()}.
   *
   * @param name what messages call the document
   */
  public static PolicyDocument parse(String name, Value value) {
    Reader reader = new Reader();
    reader.document(value, Guard.ALWAYS);
    return new PolicyDocument(
        name, value.span(), reader.version, reader.statements, reader.problems, value);
  }

  /** The state of one parse: what has been read so far and what could not be. */
  private static final class Reader {
    private final List<Statement> statements = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String version;
    private boolean versionSeen;
    private int statementNumber;

    void document(Value value, Guard guard) {
      if (value instanceof OneOf one) {
        // Whole alternative documents (an Fn::If around the document): each under its branch's guard.
        for (Guarded<Value> branch : one.branches()) {
          guard.and(branch.guard()).ifPresent(g -> document(branch.value(), g));
        }
        return;
      }
      if (value instanceof Absent) {
        return;
      }
      if (!(value instanceof MapValue map)) {
        problems.add(problem("The policy document", value, "a map"));
        return;
      }
      map.get("Version").ifPresent(this::version);
      Optional<Value> statement = map.get("Statement");
      if (statement.isEmpty()) {
        return;
      }
      Value s = statement.get();
      if (s instanceof Text || s instanceof Unknown) {
        problems.add(problem("'Statement'", s, "a map or a list"));
        return;
      }
      for (Guarded<Value> item : Values.items(s)) {
        guard.and(item.guard()).ifPresent(g -> statementItem(item.value(), g));
      }
    }

    private void version(Value v) {
      if (versionSeen) {
        return;
      }
      versionSeen = true;
      if (v instanceof Text t) {
        version = t.display();
      }
    }

    private void statementItem(Value item, Guard guard) {
      statementNumber++;
      String label = "Statement " + statementNumber;
      if (!(item instanceof MapValue) && !(item instanceof OneOf)) {
        problems.add(problem(label, item, "a map"));
        return;
      }
      for (Guarded<Value> variant : Values.variants(item)) {
        Optional<Guard> g = guard.and(variant.guard());
        if (g.isEmpty()) {
          continue;
        }
        if (variant.value() instanceof MapValue map) {
          statement(map, g.get(), label);
        } else if (!(variant.value() instanceof Absent)) {
          problems.add(problem(label, variant.value(), "a map"));
        }
      }
    }

    private void statement(MapValue map, Guard guard, String number) {
      Optional<MapValue.Entry> sidEntry = map.entry("Sid");
      String sid = sidEntry.map(e -> e.value() instanceof Text t ? t.display() : null).orElse(null);
      String label = sid == null || sid.isEmpty() ? number : number + " ('" + sid + "')";

      // Non-short-circuit '|' so that every clash is reported.
      if (clash(map, "Action", "NotAction", label)
          | clash(map, "Resource", "NotResource", label)
          | clash(map, "Principal", "NotPrincipal", label)) {
        return;
      }
      Optional<MapValue.Entry> action = either(map, "Action", "NotAction");
      Optional<MapValue.Entry> resource = either(map, "Resource", "NotResource");
      Optional<MapValue.Entry> principal = either(map, "Principal", "NotPrincipal");
      statements.add(
          new Statement(
              map.span(),
              guard,
              sid,
              effect(map, label),
              action.map(e -> e.key().equals("NotAction")).orElse(false),
              action.map(e -> elements(e, label)).orElse(List.of()),
              resource.map(e -> e.key().equals("NotResource")).orElse(false),
              resource.map(e -> elements(e, label)).orElse(List.of()),
              principal.map(e -> principal(e, label)).orElse(null),
              conditional(map, label),
              action.map(MapValue.Entry::keySpan).orElse(map.span()),
              resource.map(MapValue.Entry::keySpan).orElse(map.span())));
    }

    /** Whether the statement has both {@code key} and {@code notKey}, which IAM rejects (a problem). */
    private boolean clash(MapValue map, String key, String notKey, String label) {
      if (map.entry(key).isPresent() && map.entry(notKey).isPresent()) {
        problems.add(label + " has both '" + key + "' and '" + notKey + "'; it is left out.");
        return true;
      }
      return false;
    }

    private static Optional<MapValue.Entry> either(MapValue map, String key, String notKey) {
      Optional<MapValue.Entry> plain = map.entry(key);
      return plain.isPresent() ? plain : map.entry(notKey);
    }

    private Effect effect(MapValue map, String label) {
      Optional<Value> v = map.get("Effect");
      if (v.isEmpty()) {
        problems.add(label + " has no 'Effect'.");
        return null;
      }
      Optional<String> literal = Values.literal(v.get());
      if (literal.isEmpty() && (v.get() instanceof Unknown || v.get() instanceof Text)) {
        // Not unreadable, only not known: the evaluator treats a matching statement as undecided.
        return null;
      }
      if (literal.isPresent() && literal.get().equals("Allow")) {
        return Effect.ALLOW;
      }
      if (literal.isPresent() && literal.get().equals("Deny")) {
        return Effect.DENY;
      }
      problems.add(problem("'Effect' in " + lower(label), v.get(), "'Allow' or 'Deny'"));
      return null;
    }

    /** A string-or-list element (Action, Resource, a principal type): its strings and unknowns. */
    private List<Value> elements(MapValue.Entry entry, String label) {
      return elements(entry.value(), "'" + entry.key() + "'", label);
    }

    private List<Value> elements(Value value, String what, String label) {
      if (value instanceof Text || value instanceof Unknown) {
        return List.of(value);
      }
      if (!(value instanceof ListValue list)) {
        problems.add(problem(what + " in " + lower(label), value, "a string or a list"));
        return List.of();
      }
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < list.items().size(); i++) {
        Value item = list.items().get(i);
        if (item instanceof Text || item instanceof Unknown) {
          out.add(item);
        } else {
          problems.add(
              problem("Element " + (i + 1) + " of " + what + " in " + lower(label), item, "a string"));
        }
      }
      return out;
    }

    private Principal principal(MapValue.Entry entry, String label) {
      boolean not = entry.key().equals("NotPrincipal");
      Value v = entry.value();
      if (v instanceof Text t && t.literal().filter("*"::equals).isPresent()) {
        return new Principal(not, true, Map.of(), entry.keySpan());
      }
      Map<String, List<Value>> byType = new LinkedHashMap<>();
      if (v instanceof MapValue map) {
        for (MapValue.Entry typed : map.entries()) {
          List<Value> ids = elements(typed.value(), "'" + entry.key() + "." + typed.key() + "'", label);
          byType.merge(typed.key(), ids, PolicyParser::concat);
        }
      } else {
        problems.add(
            problem(
                "'" + entry.key() + "' in " + lower(label),
                v,
                "'*' or a map of principal types"));
      }
      return new Principal(not, false, byType, entry.keySpan());
    }

    private boolean conditional(MapValue map, String label) {
      Optional<Value> v = map.get("Condition");
      if (v.isEmpty()) {
        return false;
      }
      if (v.get() instanceof MapValue m) {
        return !m.entries().isEmpty();
      }
      if (v.get() instanceof Unknown) {
        // An unknown condition may restrict the statement: never take it as unconditional.
        return true;
      }
      problems.add(problem("'Condition' in " + lower(label), v.get(), "a map"));
      return true;
    }
  }

  private static List<Value> concat(List<Value> a, List<Value> b) {
    List<Value> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String lower(String label) {
    return Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  /**
   * A sentence saying that {@code subject} is not what IAM expects: "'Statement' is a string, not a
   * map or a list." or "Statement 2 is not known: parameter 'X' has no default."
   */
  static String problem(String subject, Value v, String expected) {
    if (v instanceof Unknown u) {
      return subject + " is not known: " + u.reason() + ".";
    }
    return subject + " " + describe(v) + ", not " + expected + ".";
  }

  /** "is a string", "is the string 'x'", "is a list". */
  private static String describe(Value v) {
    if (v instanceof Text t) {
      return "is the string '" + t.display() + "'";
    }
    if (v instanceof ListValue) {
      return "is a list";
    }
    if (v instanceof MapValue) {
      return "is a map";
    }
    if (v instanceof OneOf) {
      return "has alternatives";
    }
    return "is absent";
  }
}
