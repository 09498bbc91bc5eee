package dev.polygraph.load.tf.resource;

import dev.polygraph.load.tf.eval.Alternatives;
import dev.polygraph.load.tf.eval.TfJson;
import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.source.Span;
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
import java.util.List;
import java.util.Optional;

/**
 * {@code data "aws_iam_policy_document"} as the AWS provider builds it: the statements of {@code
 * source_policy_documents} first, then this document's own, then those of {@code
 * override_policy_documents}; at each step a statement with a Sid replaces the earlier one with that
 * Sid, and a statement without one is appended.
 */
public final class PolicyDocumentData {

  static final String DEFAULT_VERSION = "2012-10-17";

  private PolicyDocumentData() {}

  /**
   * The policy a {@code data "aws_iam_policy_document"} instance describes, as a structure
   * ({@code Version}, {@code Statement} list of maps in IAM JSON's element names) whose values keep
   * the spans of the arguments they came from.
   */
  public static Value document(TfInstance instance) {
    BlockReader doc = BlockReader.of(instance);
    TfJson json = instance.evaluator().json();
    Merged merged = new Merged();
    for (Guarded<Value> source : doc.items("source_policy_documents")) {
      merged.document(json.structure(source.value()), source.guard());
    }
    Value version = doc.value("version");
    if (version == null) {
      version = Text.of(DEFAULT_VERSION, instance.span());
    }
    merged.version(version);
    Value id = doc.value("policy_id");
    if (id != null) {
      merged.id = new MapValue.Entry("Id", doc.nameSpan("policy_id"), id);
    }
    boolean variables = Values.literal(version).filter(DEFAULT_VERSION::equals).isPresent();
    StatementBuilder statements = new StatementBuilder(variables);
    for (BlockReader.Nested s : doc.blocks("statement")) {
      if (s.reader() == null) {
        merged.statement(null, s.guard(), s.unknown());
      } else {
        MapValue statement = statements.statement(s.reader(), s.span());
        merged.statement(sid(statement), s.guard(), statement);
      }
    }
    for (Guarded<Value> override : doc.items("override_policy_documents")) {
      merged.document(json.structure(override.value()), override.guard());
    }
    return merged.value(instance.span());
  }

  /** The statement's Sid when it is a non-empty literal; only such Sids replace statements. */
  private static String sid(Value statement) {
    if (!(statement instanceof MapValue map)) {
      return null;
    }
    return map.get("Sid").flatMap(Values::literal).filter(s -> !s.isEmpty()).orElse(null);
  }

  /** The document being merged, as the provider's {@code IAMPolicyDoc.Merge} grows it. */
  private static final class Merged {
    private MapValue.Entry version;
    private MapValue.Entry id;
    private final List<String> sids = new ArrayList<>();
    private final List<Value> statements = new ArrayList<>();

    /** Merges a whole document (a source or an override) that exists where {@code guard} holds. */
    void document(Value document, Guard guard) {
      if (document instanceof OneOf one) {
        for (Guarded<Value> b : one.branches()) {
          guard.and(b.guard()).ifPresent(g -> document(b.value(), g));
        }
      } else if (document instanceof MapValue map) {
        if (guard.isAlways()) {
          map.entry("Version").ifPresent(v -> version(v.value()));
          // The provider adopts a later document's Id unless it is empty.
          map.entry("Id")
              .filter(e -> !Values.literal(e.value()).filter(String::isEmpty).isPresent())
              .ifPresent(e -> id = e);
        }
        Optional<Value> list = map.get("Statement");
        if (list.isPresent()) {
          for (Guarded<Value> s : Values.items(list.get())) {
            guard
                .and(s.guard())
                .ifPresent(g -> statement(sid(s.value()), g, s.value()));
          }
        }
      } else if (document instanceof Unknown) {
        // A document nobody can read may hold any statement: keep it as one unknown statement.
        statement(null, guard, document);
      } else if (!(document instanceof Absent)) {
        // The provider skips a null document and rejects anything but a JSON object.
        statement(
            null,
            guard,
            new Unknown("a merged policy document is not a JSON object", document.span()));
      }
    }

    /** The provider keeps the highest version it meets. */
    void version(Value v) {
      Optional<String> literal = Values.literal(v);
      Optional<String> current = version == null ? Optional.empty() : Values.literal(version.value());
      if (version == null
          || (literal.isPresent() && current.isPresent() && literal.get().compareTo(current.get()) > 0)) {
        version = new MapValue.Entry("Version", v.span(), v);
      }
    }

    /**
     * Appends the statement, or puts it in place of the earlier one with the same Sid. A guarded
     * statement replaces only where its guard holds; the earlier one stays everywhere else.
     */
    void statement(String sid, Guard guard, Value statement) {
      int at = sid == null ? -1 : sids.indexOf(sid);
      if (at < 0) {
        sids.add(sid);
        statements.add(Alternatives.onlyWhen(guard, statement));
      } else {
        statements.set(at, Alternatives.when(guard, statement, statements.get(at)));
      }
    }

    MapValue value(Span span) {
      List<MapValue.Entry> entries = new ArrayList<>();
      entries.add(version);
      if (id != null) {
        entries.add(id);
      }
      entries.add(new MapValue.Entry("Statement", span, new ListValue(statements, span)));
      return new MapValue(entries, span);
    }
  }

  /** Builds one statement map from a {@code statement} block, as the provider marshals it. */
  private static final class StatementBuilder {
    // With version 2012-10-17 the provider turns &{aws:username} into the IAM variable ${aws:username}.
    private final boolean variables;

    StatementBuilder(boolean variables) {
      this.variables = variables;
    }

    MapValue statement(BlockReader s, Span span) {
      List<MapValue.Entry> entries = new ArrayList<>();
      Value sid = s.value("sid");
      if (sid != null && !Values.literal(sid).filter(String::isEmpty).isPresent()) {
        entries.add(new MapValue.Entry("Sid", s.nameSpan("sid"), sid));
      }
      Value effect = s.value("effect");
      entries.add(
          effect == null
              ? new MapValue.Entry("Effect", span, Text.of("Allow", span))
              : new MapValue.Entry("Effect", s.nameSpan("effect"), effect));
      list(s, "actions", "Action", entries);
      list(s, "not_actions", "NotAction", entries);
      list(s, "resources", "Resource", entries);
      list(s, "not_resources", "NotResource", entries);
      principals(s, "principals", "Principal", entries);
      principals(s, "not_principals", "NotPrincipal", entries);
      condition(s, entries);
      return new MapValue(entries, span);
    }

    /** A string-set argument; the provider leaves out an empty one. */
    private void list(BlockReader s, String argument, String element, List<MapValue.Entry> out) {
      Value v = s.value(argument);
      if (v == null || (v instanceof ListValue l && l.items().isEmpty())) {
        return;
      }
      out.add(new MapValue.Entry(element, s.nameSpan(argument), variables(v)));
    }

    private void principals(BlockReader s, String blockType, String element, List<MapValue.Entry> out) {
      List<BlockReader.Nested> blocks = s.blocks(blockType);
      if (blocks.isEmpty()) {
        return;
      }
      Span keySpan = blocks.get(0).span();
      if (blocks.size() == 1 && blocks.get(0).guard().isAlways() && blocks.get(0).reader() != null) {
        BlockReader only = blocks.get(0).reader();
        Value identifiers = only.value("identifiers");
        // The provider writes a lone {type = "*", identifiers = ["*"]} as "Principal": "*".
        if (Values.literal(only.value("type")).filter("*"::equals).isPresent() && isStar(identifiers)) {
          out.add(new MapValue.Entry(element, keySpan, Text.of("*", identifiers.span())));
          return;
        }
      }
      Grouped byType = new Grouped();
      for (BlockReader.Nested b : blocks) {
        if (b.reader() == null) {
          out.add(new MapValue.Entry(element, keySpan, b.unknown()));
          return;
        }
        Value type = b.reader().value("type");
        Optional<String> name = type instanceof Text t ? Optional.of(t.display()) : Optional.empty();
        if (name.isEmpty()) {
          out.add(new MapValue.Entry(element, keySpan, unknownKey("principal type", type, b.span())));
          return;
        }
        byType.add(
            name.get(),
            type.span(),
            b.guard(),
            b.reader().value("identifiers"),
            b.reader().attribute("identifiers").map(Attribute::span).orElse(b.span()));
      }
      out.add(new MapValue.Entry(element, keySpan, byType.map(keySpan)));
    }

    private void condition(BlockReader s, List<MapValue.Entry> out) {
      List<BlockReader.Nested> blocks = s.blocks("condition");
      if (blocks.isEmpty()) {
        return;
      }
      Span keySpan = blocks.get(0).span();
      List<String> tests = new ArrayList<>();
      List<Span> testSpans = new ArrayList<>();
      List<Grouped> byTest = new ArrayList<>();
      for (BlockReader.Nested b : blocks) {
        if (b.reader() == null) {
          out.add(new MapValue.Entry("Condition", keySpan, b.unknown()));
          return;
        }
        Value test = b.reader().value("test");
        Value variable = b.reader().value("variable");
        if (!(test instanceof Text t) || !(variable instanceof Text v)) {
          Value bad = test instanceof Text ? variable : test;
          String what = test instanceof Text ? "condition variable" : "condition test";
          out.add(new MapValue.Entry("Condition", keySpan, unknownKey(what, bad, b.span())));
          return;
        }
        int at = tests.indexOf(t.display());
        if (at < 0) {
          tests.add(t.display());
          testSpans.add(t.span());
          byTest.add(new Grouped());
          at = tests.size() - 1;
        }
        byTest
            .get(at)
            .add(
                v.display(),
                v.span(),
                b.guard(),
                b.reader().value("values"),
                b.reader().attribute("values").map(Attribute::span).orElse(b.span()));
      }
      List<MapValue.Entry> entries = new ArrayList<>();
      for (int i = 0; i < tests.size(); i++) {
        entries.add(new MapValue.Entry(tests.get(i), testSpans.get(i), byTest.get(i).map(testSpans.get(i))));
      }
      out.add(new MapValue.Entry("Condition", keySpan, new MapValue(entries, keySpan)));
    }

    private static Unknown unknownKey(String what, Value v, Span span) {
      if (v instanceof Unknown u) {
        return new Unknown("the " + what + " is not known: " + u.reason(), u.span());
      }
      return new Unknown("the " + what + " is not a single known string", v == null ? span : v.span());
    }

    private static boolean isStar(Value identifiers) {
      if (identifiers instanceof ListValue l && l.items().size() == 1) {
        return Values.literal(l.items().get(0)).filter("*"::equals).isPresent();
      }
      return Values.literal(identifiers).filter("*"::equals).isPresent();
    }

    /**
     * Lists merged under one key each (principal types, condition variables), as the provider
     * merges blocks of the same type; items of a guarded block exist only under its guard.
     */
    private final class Grouped {
      private final List<String> keys = new ArrayList<>();
      private final List<Span> keySpans = new ArrayList<>();
      private final List<Span> spans = new ArrayList<>();
      private final List<List<Value>> items = new ArrayList<>();

      void add(String key, Span keySpan, Guard guard, Value list, Span listSpan) {
        int at = keys.indexOf(key);
        if (at < 0) {
          keys.add(key);
          keySpans.add(keySpan);
          spans.add(listSpan);
          items.add(new ArrayList<>());
          at = keys.size() - 1;
        }
        if (list == null) {
          return;
        }
        List<Value> into = items.get(at);
        for (Guarded<Value> item : Values.items(variables(list))) {
          guard.and(item.guard()).ifPresent(g -> into.add(Alternatives.onlyWhen(g, item.value())));
        }
      }

      MapValue map(Span span) {
        List<MapValue.Entry> entries = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
          entries.add(new MapValue.Entry(keys.get(i), keySpans.get(i), new ListValue(items.get(i), spans.get(i))));
        }
        return new MapValue(entries, span);
      }
    }

    /** The value with {@code &{...}} written as the IAM policy variable {@code ${...}}. */
    private Value variables(Value v) {
      if (!variables) {
        return v;
      }
      if (v instanceof Text t) {
        List<Text.Part> parts = new ArrayList<>();
        for (Text.Part p : t.parts()) {
          parts.add(p instanceof Text.Literal l ? new Text.Literal(l.text().replace("&{", "${")) : p);
        }
        return new Text(parts, t.span());
      }
      if (v instanceof ListValue l) {
        return new ListValue(l.items().stream().map(this::variables).toList(), l.span());
      }
      if (v instanceof OneOf o) {
        List<Guarded<Value>> branches = new ArrayList<>();
        for (Guarded<Value> b : o.branches()) {
          branches.add(new Guarded<>(b.guard(), variables(b.value())));
        }
        return new OneOf(branches, o.span());
      }
      return v;
    }
  }
}
