package dev.polygraph.load.sh;

import dev.polygraph.load.PlainValues;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JSON written inside a script — a quoted argument or a here-document body — read with the
 * project's JSON reader and put back in place: every value's span is in the script, and every
 * variable the shell would expand inside it is substituted (known) or a symbol (unknown).
 *
 * <p>The shell's text is built with one private-use character per unknown expansion and the source
 * offset of every character; the reader parses that text, and each span it reports is mapped back
 * through the offsets.
 */
final class EmbeddedJson {

  private static final char FIRST_HOLE = '\uE000';
  private static final int MAX_HOLES = 0x1900;

  private final SourceFile script;
  private final StringBuilder text = new StringBuilder();
  private int[] offsets = new int[64];
  private final List<Symbol> holes = new ArrayList<>();
  /** Whether the source itself holds a character of the holes' range (then holes are ambiguous). */
  private boolean holeLookalike;
  private int[] lineStarts;

  private EmbeddedJson(SourceFile script) {
    this.script = script;
  }

  /** The JSON value a word (after expansion) holds, or an unknown value saying why there is none. */
  static Value read(SourceFile script, Word word, ShellVariables vars, List<InputProblem> problems) {
    EmbeddedJson json = new EmbeddedJson(script);
    for (Word.Piece p : word.pieces()) {
      if (p instanceof Word.Chars c) {
        for (int i = 0; i < c.text().length(); i++) {
          json.literal(c.text().charAt(i), c.offsets()[i]);
        }
      } else if (p instanceof Word.Param param) {
        for (Text.Part part : vars.parts(new Word(List.of(p), param.start(), param.end()))) {
          json.add(part, param.start());
        }
      } else if (p instanceof Word.Subst s) {
        json.add(new Text.Sym(ShellVariables.commandOutput()), s.start());
      }
    }
    return json.parse(vars.span(word.start(), word.end()), problems);
  }

  private void add(Text.Part part, int offset) {
    if (part instanceof Text.Literal l) {
      for (int i = 0; i < l.text().length(); i++) {
        literal(l.text().charAt(i), offset);
      }
    } else if (part instanceof Text.Sym s) {
      if (holes.size() >= MAX_HOLES) {
        add('?', offset);
        return;
      }
      holes.add(s.symbol());
      add((char) (FIRST_HOLE + holes.size() - 1), offset);
    }
  }

  private void literal(char c, int offset) {
    holeLookalike |= c >= FIRST_HOLE && c < FIRST_HOLE + MAX_HOLES;
    add(c, offset);
  }

  private void add(char c, int offset) {
    if (text.length() == offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    offsets[text.length()] = offset;
    text.append(c);
  }

  private Value parse(Span whole, List<InputProblem> problems) {
    if (text.toString().isBlank()) {
      return new Unknown("the document is empty", whole);
    }
    if (holeLookalike && !holes.isEmpty()) {
      return new Unknown("the document mixes shell expansions with private-use characters", whole);
    }
    SourceFile synthetic = new SourceFile(script.path(), script.name(), text.toString());
    TreeResult tree = JsonTreeReader.read(synthetic);
    for (InputProblem p : tree.problems()) {
      problems.add(new InputProblem(map(p.span()), p.message()));
    }
    if (tree.root() == null) {
      return new Unknown("the document is not valid JSON", whole);
    }
    return respan(PlainValues.of(tree.root()));
  }

  private Value respan(Value v) {
    if (v instanceof Text t) {
      List<Text.Part> parts = new ArrayList<>();
      for (Text.Part p : t.parts()) {
        if (p instanceof Text.Literal l) {
          parts.addAll(withHoles(l.text()));
        } else {
          parts.add(p);
        }
      }
      return new Text(parts, map(t.span()));
    }
    if (v instanceof ListValue list) {
      List<Value> items = new ArrayList<>();
      for (Value item : list.items()) {
        items.add(respan(item));
      }
      return new ListValue(items, map(list.span()));
    }
    if (v instanceof MapValue map) {
      List<MapValue.Entry> entries = new ArrayList<>();
      for (MapValue.Entry e : map.entries()) {
        String key = new Text(withHoles(e.key()), e.keySpan()).display();
        entries.add(new MapValue.Entry(key, map(e.keySpan()), respan(e.value())));
      }
      return new MapValue(entries, map(map.span()));
    }
    return v instanceof Absent a ? new Absent(map(a.span())) : v;
  }

  private List<Text.Part> withHoles(String s) {
    List<Text.Part> parts = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      int hole = s.charAt(i) - FIRST_HOLE;
      if (hole >= 0 && hole < holes.size()) {
        parts.add(new Text.Literal(s.substring(from, i)));
        parts.add(new Text.Sym(holes.get(hole)));
        from = i + 1;
      }
    }
    parts.add(new Text.Literal(s.substring(from)));
    return parts;
  }

  /** A span of the synthetic text, as a span of the script. */
  private Span map(Span s) {
    int start = offset(s.startLine(), s.startColumn());
    int end = offset(s.endLine(), s.endColumn());
    int from = source(start);
    int to = end > start ? source(end - 1) + 1 : from;
    Span a = script.pointAt(from);
    Span b = script.pointAt(Math.max(from, to));
    return new Span(script.name(), a.startLine(), a.startColumn(), b.startLine(), b.startColumn());
  }

  private int source(int syntheticOffset) {
    if (text.length() == 0) {
      return 0;
    }
    return offsets[Math.min(syntheticOffset, text.length() - 1)] + (syntheticOffset >= text.length() ? 1 : 0);
  }

  private int offset(int line, int column) {
    if (lineStarts == null) {
      List<Integer> starts = new ArrayList<>();
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
          starts.add(i + 1);
        }
      }
      lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }
    int l = Math.min(Math.max(line, 1), lineStarts.length);
    return Math.min(lineStarts[l - 1] + column - 1, text.length());
  }
}
