package dev.polygraph.load.tf.eval;

import dev.polygraph.load.PlainValues;
import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * JSON inside Terraform strings: what {@code jsonencode} made, what {@code file()} read, and policy
 * heredocs. One instance per loader run; it remembers, by identity, where each such text came from
 * so that its structure keeps the positions of the source it was written in.
 */
public final class TfJson {

  /** First private-use character standing for a symbol while Jackson parses the text. */
  private static final char PLACEHOLDER = '\uE000';

  private final Map<Text, Value> encoded = new IdentityHashMap<>();
  private final Map<Text, SourceFile> files = new IdentityHashMap<>();
  private final Map<Text, Expr> origins = new IdentityHashMap<>();

  /** The run's unknowns that are evaluation errors; the evaluators of one run share this instance. */
  private final Set<Unknown> errors = Collections.newSetFromMap(new IdentityHashMap<>());

  Set<Unknown> errors() {
    return errors;
  }

  /** The run's "and maybe more" markers that end partly known lists and maps (see {@link ValueOps#more}). */
  private final Set<Unknown> rests = Collections.newSetFromMap(new IdentityHashMap<>());

  Set<Unknown> rests() {
    return rests;
  }

  void rememberLiteral(Text text, Expr.StringLit literal) {
    origins.put(text, literal);
  }

  void rememberTemplate(Text text, Expr.Template template) {
    origins.put(text, template);
  }

  void rememberFile(Text text, SourceFile file) {
    files.put(text, file);
  }

  /** {@code jsonencode(value)}: the JSON text, remembering the structure it encodes. */
  public Text encode(Value value, Span span) {
    List<Text.Part> parts = new ArrayList<>();
    write(value, parts);
    Text text = new Text(parts, span);
    encoded.put(text, value);
    return text;
  }

  private static void write(Value value, List<Text.Part> out) {
    if (value instanceof Text t) {
      out.add(new Text.Literal("\""));
      for (Text.Part p : t.parts()) {
        if (p instanceof Text.Literal l) {
          String q = Formatter.quote(l.text());
          out.add(new Text.Literal(q.substring(1, q.length() - 1)));
        } else {
          out.add(p);
        }
      }
      out.add(new Text.Literal("\""));
    } else if (value instanceof ListValue l) {
      out.add(new Text.Literal("["));
      for (int i = 0; i < l.items().size(); i++) {
        out.add(new Text.Literal(i == 0 ? "" : ","));
        write(l.items().get(i), out);
      }
      out.add(new Text.Literal("]"));
    } else if (value instanceof MapValue m) {
      // Terraform writes object keys in lexicographic order.
      TreeMap<String, Value> sorted = new TreeMap<>();
      m.entries().forEach(e -> sorted.put(e.key(), e.value()));
      out.add(new Text.Literal("{"));
      boolean first = true;
      for (Map.Entry<String, Value> e : sorted.entrySet()) {
        out.add(new Text.Literal((first ? "" : ",") + Formatter.quote(e.getKey()) + ":"));
        first = false;
        write(e.getValue(), out);
      }
      out.add(new Text.Literal("}"));
    } else if (value instanceof Absent) {
      out.add(new Text.Literal("null"));
    } else if (value instanceof Unknown u) {
      out.add(new Text.Sym(new Symbol.Opaque("unknown value", u.reason())));
    } else {
      out.add(new Text.Sym(new Symbol.Opaque("conditional value", "the value depends on conditions")));
    }
  }

  /**
   * A policy or other JSON-valued argument as a structure: a map/list/OneOf as it is; a text that
   * {@link #encode} made → the structure it encodes (spans of the source); another text → parsed
   * as JSON (symbols kept, spans mapped into the source as precisely as it allows); Absent stays
   * Absent; a text that is not JSON → Unknown with the parse error as reason.
   */
  public Value structure(Value value) {
    return closed(structureOf(value));
  }

  /**
   * A policy element that is a partly known map may hold more keys (a Condition, an Effect): to
   * the policy it is not known. Partly known lists keep their marker, an unknown element.
   */
  private Value closed(Value value) {
    if (value instanceof MapValue map) {
      if (!map.entries().isEmpty() && map.entries().get(map.entries().size() - 1).value() instanceof Unknown u
          && rests.contains(u)) {
        return new Unknown(u.reason(), map.span());
      }
      List<MapValue.Entry> entries = new ArrayList<>();
      boolean changed = false;
      for (MapValue.Entry e : map.entries()) {
        Value v = closed(e.value());
        changed |= v != e.value();
        entries.add(new MapValue.Entry(e.key(), e.keySpan(), v));
      }
      return changed ? new MapValue(entries, map.span()) : map;
    }
    if (value instanceof ListValue list) {
      List<Value> items = new ArrayList<>();
      boolean changed = false;
      for (Value item : list.items()) {
        Value v = closed(item);
        changed |= v != item;
        items.add(v);
      }
      return changed ? new ListValue(items, list.span()) : list;
    }
    if (value instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      boolean changed = false;
      for (Guarded<Value> b : one.branches()) {
        Value v = closed(b.value());
        changed |= v != b.value();
        out.add(new Guarded<>(b.guard(), v));
      }
      return changed ? new OneOf(out, one.span()) : one;
    }
    return value;
  }

  private Value structureOf(Value value) {
    if (value instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<Value> b : one.branches()) {
        out.add(new Guarded<>(b.guard(), structureOf(b.value())));
      }
      return new OneOf(out, one.span());
    }
    if (!(value instanceof Text text)) {
      return value;
    }
    Value made = encoded.get(text);
    if (made != null) {
      return made;
    }
    SourceFile file = files.get(text);
    if (file != null) {
      TreeResult tree = JsonTreeReader.read(file);
      if (tree.root() == null) {
        return notJson(tree.problems(), text.span());
      }
      return PlainValues.of(tree.root());
    }
    return parse(text);
  }

  private Value parse(Text text) {
    Map<Character, Symbol> symbols = new LinkedHashMap<>();
    String rendered = text.render(symbol -> {
      for (Map.Entry<Character, Symbol> e : symbols.entrySet()) {
        if (e.getValue().equals(symbol)) {
          return String.valueOf(e.getKey());
        }
      }
      char c = (char) (PLACEHOLDER + symbols.size());
      symbols.put(c, symbol);
      return String.valueOf(c);
    });
    String name = text.span().file();
    TreeResult tree = JsonTreeReader.read(new SourceFile(null, name, rendered));
    if (tree.root() == null) {
      return notJson(tree.problems(), text.span());
    }
    return new Rebuilt(symbols, new Positions(text.span(), origins.get(text))).value(tree.root());
  }

  private static Unknown notJson(List<InputProblem> problems, Span span) {
    if (problems.isEmpty()) {
      return new Unknown("not valid JSON: the text is empty", span);
    }
    InputProblem p = problems.get(0);
    String message = p.message().endsWith(".") ? p.message().substring(0, p.message().length() - 1) : p.message();
    return new Unknown("not valid JSON: " + message + " at line " + p.span().startLine() + " column "
        + p.span().startColumn(), span);
  }

  /**
   * Where a position in a string's text stands in the .tf file: a heredoc's content line k is the
   * source line after the opener plus k-1; a quoted string sits on its line after the quote. A
   * text of other origin has only its own span.
   */
  private record Positions(Span text, Expr origin) {

    Span map(Span inText) {
      if (origin == null) {
        return text;
      }
      Span s = origin.span();
      if (s.startLine() < s.endLine()) {
        int dedent = origin instanceof Expr.StringLit lit ? lit.dedent()
            : origin instanceof Expr.Template t ? t.dedent() : 0;
        return new Span(s.file(), s.startLine() + inText.startLine(), dedent + inText.startColumn(),
            s.startLine() + inText.endLine(), dedent + inText.endColumn());
      }
      return new Span(s.file(), s.startLine(), s.startColumn() + inText.startColumn(),
          s.startLine(), s.startColumn() + inText.endColumn());
    }
  }

  /** The parsed tree as values, placeholders turned back into symbols, spans mapped. */
  private record Rebuilt(Map<Character, Symbol> symbols, Positions positions) {

    Value value(Node node) {
      Span span = positions.map(node.span());
      if (node instanceof ScalarNode s) {
        return s.isNull() ? new Absent(span) : text(s.text(), span);
      }
      if (node instanceof SeqNode seq) {
        List<Value> items = new ArrayList<>();
        seq.items().forEach(i -> items.add(value(i)));
        return new ListValue(items, span);
      }
      List<MapValue.Entry> entries = new ArrayList<>();
      for (MapNode.Entry e : ((MapNode) node).entries()) {
        String key = e.key().text() == null ? "null" : e.key().text();
        entries.add(new MapValue.Entry(key, positions.map(e.key().span()), value(e.value())));
      }
      return new MapValue(entries, span);
    }

    private Text text(String s, Span span) {
      List<Text.Part> parts = new ArrayList<>();
      StringBuilder literal = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        Symbol symbol = symbols.get(s.charAt(i));
        if (symbol == null) {
          literal.append(s.charAt(i));
          continue;
        }
        parts.add(new Text.Literal(literal.toString()));
        literal.setLength(0);
        parts.add(new Text.Sym(symbol));
      }
      parts.add(new Text.Literal(literal.toString()));
      return new Text(parts, span);
    }
  }
}
