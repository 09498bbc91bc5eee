package dev.polygraph.load.tf;

import dev.polygraph.value.Absent;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.stream.Collectors;

/** Values written compactly for exact assertions: {@code "a"}, {@code [..]}, {@code {k=v}}. */
public final class Render {

  private Render() {}

  public static String of(Value v) {
    if (v instanceof Text t) {
      return "\"" + t.parts().stream().map(p -> p instanceof Text.Literal l ? l.text()
          : "${" + symbol(((Text.Sym) p).symbol()) + "}").collect(Collectors.joining()) + "\"";
    }
    if (v instanceof ListValue l) {
      return l.items().stream().map(Render::of).collect(Collectors.joining(", ", "[", "]"));
    }
    if (v instanceof MapValue m) {
      return m.entries().stream().map(e -> e.key() + "=" + of(e.value()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof OneOf o) {
      return o.branches().stream().map(Render::branch).collect(Collectors.joining(" | ", "(", ")"));
    }
    if (v instanceof Unknown u) {
      return "?(" + u.reason() + ")";
    }
    return v instanceof Absent ? "null" : String.valueOf(v);
  }

  private static String branch(Guarded<Value> g) {
    return g.guard().terms().entrySet().stream().map(e -> (e.getValue() ? "" : "!") + "[" + e.getKey() + "]")
        .collect(Collectors.joining("&")) + ": " + of(g.value());
  }

  private static String symbol(dev.polygraph.value.Symbol s) {
    if (s instanceof dev.polygraph.value.Symbol.Opaque o) {
      return "opaque " + o.name() + ": " + o.reason();
    }
    if (s instanceof dev.polygraph.value.Symbol.ResourceAttr r) {
      return r.address() + "." + r.attribute();
    }
    return s.display();
  }
}
