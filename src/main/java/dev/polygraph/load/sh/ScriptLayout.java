package dev.polygraph.load.sh;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a script's commands and text lie, for the suppress stage: a command runs from its first
 * word over its continuation lines and here-documents (to the delimiter line); its words and
 * here-document bodies are text, in which a {@code #} starts no comment.
 *
 * @param commands one span per simple command, from its first word to its last line
 * @param text the spans of its words, redirection targets and here-document bodies
 */
public record ScriptLayout(List<Span> commands, List<Span> text) {

  public ScriptLayout {
    commands = List.copyOf(commands);
    text = List.copyOf(text);
  }

  /** The layout of a script, parsed as the graph builder parses it. */
  public static ScriptLayout of(SourceFile script) {
    return of(script, ShellParser.parse(script));
  }

  /** The layout of a script the graph builder has already parsed. */
  static ScriptLayout of(SourceFile script, ShellScript parsed) {
    List<Span> commands = new ArrayList<>();
    List<Span> text = new ArrayList<>();
    for (Command command : parsed.commands()) {
      Span first = script.pointAt(command.words().get(0).start());
      Span last = first;
      for (Word w : command.words()) {
        text.add(spanOf(script, w));
        last = later(last, script.pointAt(w.end()));
      }
      for (Word target : command.writes()) {
        text.add(spanOf(script, target));
      }
      for (Word body : command.heredocs()) {
        text.add(spanOf(script, body));
        // A body ends where its delimiter line starts: that line belongs to the command too.
        last = later(last, script.pointAt(body.end()));
      }
      commands.add(
          new Span(
              script.name(), first.startLine(), first.startColumn(), last.startLine(), last.startColumn()));
    }
    return new ScriptLayout(commands, text);
  }

  private static Span later(Span a, Span b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Span spanOf(SourceFile script, Word word) {
    Span start = script.pointAt(word.start());
    Span end = script.pointAt(word.end());
    return new Span(
        script.name(), start.startLine(), start.startColumn(), end.startLine(), end.startColumn());
  }
}
