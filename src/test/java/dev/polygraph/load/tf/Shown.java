package dev.polygraph.load.tf;

import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.stream.Collectors;

/**
 * Values written compactly for exact assertions: texts quoted with symbols as ${...}, lists in
 * brackets, maps in braces, alternatives as {@code oneOf(guard: value | ...)}.
 */
public final class Shown {

  private Shown() {}

  public static String of(Value v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Text t) {
      return "'" + t.display() + "'";
    }
    if (v instanceof ListValue l) {
      return l.items().stream().map(Shown::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof MapValue m) {
      return m.entries().stream()
          .map(e -> e.key() + ": " + of(e.value()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof OneOf o) {
      return o.branches().stream()
          .map(Shown::branch)
          .collect(Collectors.joining(" | ", "oneOf(", ")"));
    }
    if (v instanceof Unknown u) {
      return "unknown(" + u.reason() + ")";
    }
    if (v instanceof Absent) {
      return "absent";
    }
    throw new AssertionError(v);
  }

  private static String branch(Guarded<Value> b) {
    String guard =
        b.guard().terms().entrySet().stream()
            .map(e -> (e.getValue() ? "" : "!") + e.getKey())
            .collect(Collectors.joining(" & "));
    return guard + ": " + of(b.value());
  }

  /** "3:5-3:14": a span in one file, for exact position assertions. */
  public static String at(Span s) {
    return s.startLine() + ":" + s.startColumn() + "-" + s.endLine() + ":" + s.endColumn();
  }
}
