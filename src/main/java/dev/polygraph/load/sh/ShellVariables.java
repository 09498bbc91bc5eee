package dev.polygraph.load.sh;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the script's variables hold at one point of the script, read in source order: a variable
 * assigned a literal (or other known variables) is known from there on; everything else — the
 * environment, positional parameters, command output, loop variables — is an opaque symbol with the
 * reason. Branches are not followed: the last assignment written above a use wins.
 */
final class ShellVariables {

  private final SourceFile file;
  private final Map<String, List<Text.Part>> known = new HashMap<>();
  private final Map<String, String> opaque = new HashMap<>();

  ShellVariables(SourceFile file) {
    this.file = file;
  }

  private ShellVariables(ShellVariables other) {
    this.file = other.file;
    this.known.putAll(other.known);
    this.opaque.putAll(other.opaque);
  }

  /** A copy that later assignments do not change (what a command saw when it ran). */
  ShellVariables snapshot() {
    return new ShellVariables(this);
  }

  void assign(String name, Word value) {
    known.put(name, parts(value));
    opaque.remove(name);
  }

  /** The variable is set by something polygraph cannot follow ({@code read}, {@code for}). */
  void forget(String name, String reason) {
    known.remove(name);
    opaque.put(name, reason);
  }

  /** The word as a text: literal characters, known variables substituted, the rest symbols. */
  Text text(Word word) {
    return new Text(parts(word), span(word.start(), word.end()));
  }

  Span span(int start, int end) {
    Span s = file.pointAt(start);
    Span e = file.pointAt(Math.max(start, end));
    return new Span(file.name(), s.startLine(), s.startColumn(), e.startLine(), e.startColumn());
  }

  List<Text.Part> parts(Word word) {
    List<Text.Part> out = new ArrayList<>();
    for (Word.Piece p : word.pieces()) {
      if (p instanceof Word.Chars c) {
        out.add(new Text.Literal(c.text()));
      } else if (p instanceof Word.Param param) {
        out.addAll(param(param));
      } else if (p instanceof Word.Subst) {
        out.add(new Text.Sym(commandOutput()));
      }
    }
    return out;
  }

  static Symbol commandOutput() {
    return new Symbol.Opaque("command output", "the output of a command is known only when the script runs");
  }

  private List<Text.Part> param(Word.Param p) {
    String op = p.operator();
    boolean plain = op.isEmpty() || op.startsWith(":-") || op.startsWith("-") || op.startsWith(":?") || op.startsWith("?");
    List<Text.Part> value = known.get(p.name());
    if (plain && value != null) {
      return value;
    }
    return List.of(new Text.Sym(new Symbol.Opaque(p.name(), reason(p, plain))));
  }

  private String reason(Word.Param p, boolean plain) {
    if (!plain) {
      return "the expansion '${" + p.name() + p.operator() + "}' is computed when the script runs";
    }
    if (!Word.isName(p.name())) {
      return "'$" + p.name() + "' is set when the script runs";
    }
    String why = opaque.get(p.name());
    if (why != null) {
      return "shell variable '" + p.name() + "' " + why;
    }
    return "shell variable '" + p.name() + "' is not assigned a literal in the script";
  }
}
