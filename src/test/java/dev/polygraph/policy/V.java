package dev.polygraph.policy;

import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Terse builders of evaluated values for tests; every value sits on its own line of "t.yaml". */
final class V {

  static final String FILE = "t.yaml";

  private V() {}

  static Span at(int line) {
    return new Span(FILE, line, 1, line, 10);
  }

  static Text text(String s) {
    return Text.of(s, at(1));
  }

  static Text text(String s, int line) {
    return Text.of(s, at(line));
  }

  /** A text from literal strings and symbols in order. */
  static Text sub(Object... parts) {
    List<Text.Part> out = new ArrayList<>();
    for (Object p : parts) {
      out.add(p instanceof Symbol s ? new Text.Sym(s) : new Text.Literal((String) p));
    }
    return new Text(out, at(1));
  }

  static Symbol pseudo(Symbol.PseudoKind kind) {
    return new Symbol.Pseudo(kind);
  }

  static ListValue list(Value... items) {
    return new ListValue(Arrays.asList(items), at(1));
  }

  static ListValue strings(String... items) {
    return new ListValue(Arrays.stream(items).map(V::text).map(Value.class::cast).toList(), at(1));
  }

  static Unknown unknown(String reason) {
    return new Unknown(reason, at(1));
  }

  static Absent absent() {
    return new Absent(at(1));
  }

  static OneOf oneOf(String condition, Value whenTrue, Value whenFalse) {
    return new OneOf(
        List.of(
            new Guarded<>(Guard.of(condition, true), whenTrue),
            new Guarded<>(Guard.of(condition, false), whenFalse)),
        at(1));
  }

  /** A map from alternating keys and values; a String value becomes a text. Key i sits on line 100+i. */
  static MapValue map(Object... kv) {
    return mapAt(at(1), kv);
  }

  static MapValue mapAt(Span span, Object... kv) {
    List<MapValue.Entry> entries = new ArrayList<>();
    for (int i = 0; i < kv.length; i += 2) {
      Object v = kv[i + 1];
      Value value = v instanceof String s ? text(s) : (Value) v;
      entries.add(new MapValue.Entry((String) kv[i], keySpan(i / 2), value));
    }
    return new MapValue(entries, span);
  }

  static Span keySpan(int index) {
    return new Span(FILE, 100 + index, 3, 100 + index, 9);
  }

  /** A policy document: Version 2012-10-17 and these statements. */
  static Value doc(Value... statements) {
    return map("Version", "2012-10-17", "Statement", list(statements));
  }

  static PolicyDocument parsed(String name, Value... statements) {
    PolicyDocument d = PolicyParser.parse(name, doc(statements));
    if (!d.problems().isEmpty()) {
      throw new AssertionError("unexpected problems: " + d.problems());
    }
    return d;
  }

  static Value allow(Object action, Object resource) {
    return map("Effect", "Allow", "Action", action, "Resource", resource);
  }

  static Value deny(Object action, Object resource) {
    return map("Effect", "Deny", "Action", action, "Resource", resource);
  }
}
