package dev.polygraph.load.sh;

import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a POSIX/bash script into simple commands and words: quoting ({@code '…'}, {@code "…"},
 * {@code $'…'}, backslashes), line continuations, comments, parameter expansions, command
 * substitutions (whose commands are read as commands too), redirections and here-documents. It
 * reads what a script says; it never runs anything. Control structures are not interpreted: their
 * keywords stay words, and the commands inside them are read in source order.
 */
final class ShellParser {

  /** Command substitutions nested deeper than this are not read for commands (bounded recursion). */
  static final int MAX_NESTING = 32;

  private final SourceFile file;
  private final String text;
  private final List<InputProblem> problems = new ArrayList<>();
  /** Every command, in the order they start; finished when the script has been read. */
  private final List<CommandBuilder> commands = new ArrayList<>();

  private ShellParser(SourceFile file) {
    this.file = file;
    this.text = file.text();
  }

  static ShellScript parse(SourceFile file) {
    ShellParser parser = new ShellParser(file);
    parser.new Reader(0, file.text().length(), 0).run();
    List<Command> out = new ArrayList<>();
    for (CommandBuilder c : parser.commands) {
      if (!c.words.isEmpty()) {
        out.add(new Command(c.words, c.writes, c.heredocs));
      }
    }
    return new ShellScript(file, out, parser.problems);
  }

  private static final class CommandBuilder {
    final List<Word> words = new ArrayList<>();
    final List<Word> writes = new ArrayList<>();
    final List<Word> heredocs = new ArrayList<>();
  }

  private record PendingHeredoc(CommandBuilder command, String delimiter, boolean expand, boolean stripTabs) {}

  /** Reads the commands in {@code [pos, limit)}; a command substitution gets a reader of its own. */
  private final class Reader {
    private int pos;
    private final int limit;
    private final int depth;
    private CommandBuilder current;
    private final List<PendingHeredoc> pending = new ArrayList<>();

    Reader(int start, int limit, int depth) {
      this.pos = start;
      this.limit = limit;
      this.depth = depth;
    }

    void run() {
      while (pos < limit) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t') {
          pos++;
        } else if (c == '\\' && isNewlineAt(pos + 1)) {
          pos = afterNewline(pos + 1);
        } else if (c == '#') {
          while (pos < limit && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
          }
        } else if (c == '\n' || c == '\r') {
          pos = afterNewline(pos);
          current = null;
          readHeredocBodies();
        } else if (c == '&' && pos + 1 < limit && text.charAt(pos + 1) == '>') {
          pos++;
          redirection();
        } else if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
          pos++;
          current = null;
        } else if (c == '<' || c == '>') {
          redirection();
        } else {
          Word w = word();
          if (w == null) {
            return;
          }
          if (pos < limit && (text.charAt(pos) == '<' || text.charAt(pos) == '>') && isFdNumber(w)) {
            continue; // "2>file": the digits name a file descriptor
          }
          command().words.add(w);
        }
      }
      if (!pending.isEmpty()) {
        readHeredocBodies();
      }
    }

    private CommandBuilder command() {
      if (current == null) {
        current = new CommandBuilder();
        commands.add(current);
      }
      return current;
    }

    private boolean isFdNumber(Word w) {
      return w.literal().filter(s -> !s.isEmpty() && s.chars().allMatch(Character::isDigit)).isPresent()
          && w.pieces().size() == 1
          && !((Word.Chars) w.pieces().get(0)).quoted();
    }

    private void redirection() {
      int start = pos;
      if (text.startsWith("<<<", pos)) {
        pos += 3;
        skipBlanks();
        word();
        return;
      }
      if (text.startsWith("<<", pos)) {
        pos += 2;
        boolean stripTabs = pos < limit && text.charAt(pos) == '-';
        if (stripTabs) {
          pos++;
        }
        skipBlanks();
        int delimStart = pos;
        Word delimiter = word();
        if (delimiter == null || delimiter.pieces().isEmpty()) {
          return;
        }
        String raw = text.substring(delimStart, pos);
        boolean quoted = raw.indexOf('\'') >= 0 || raw.indexOf('"') >= 0 || raw.indexOf('\\') >= 0;
        String delim = delimiter.literal().orElse(raw);
        pending.add(new PendingHeredoc(command(), delim, !quoted, stripTabs));
        return;
      }
      boolean output = text.charAt(pos) == '>';
      pos++;
      boolean dup = false;
      while (pos < limit && ">|&".indexOf(text.charAt(pos)) >= 0) {
        dup |= text.charAt(pos) == '&';
        pos++;
      }
      if (text.charAt(start) == '<' && pos < limit && text.charAt(pos) == '>') {
        pos++;
      }
      skipBlanks();
      Word target = word();
      if (target == null || target.pieces().isEmpty() || !output) {
        return;
      }
      boolean descriptor = dup && target.literal().filter(s -> s.equals("-") || s.chars().allMatch(Character::isDigit)).isPresent();
      if (!descriptor) {
        command().writes.add(target);
      }
    }

    private void skipBlanks() {
      while (pos < limit) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t') {
          pos++;
        } else if (c == '\\' && isNewlineAt(pos + 1)) {
          pos = afterNewline(pos + 1);
        } else {
          return;
        }
      }
    }

    /** The here-documents announced on the line just ended, whose bodies start at {@code pos}. */
    private void readHeredocBodies() {
      for (PendingHeredoc h : pending) {
        int bodyStart = pos;
        int bodyEnd = limit;
        int next = limit;
        int line = pos;
        while (line < limit) {
          int lineEnd = line;
          while (lineEnd < limit && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
            lineEnd++;
          }
          int content = line;
          while (h.stripTabs && content < lineEnd && text.charAt(content) == '\t') {
            content++;
          }
          if (text.substring(content, lineEnd).equals(h.delimiter)) {
            bodyEnd = line;
            next = lineEnd < limit ? afterNewline(lineEnd) : limit;
            break;
          }
          line = lineEnd < limit ? afterNewline(lineEnd) : limit;
        }
        h.command.heredocs.add(heredocBody(h, bodyStart, bodyEnd));
        pos = next;
      }
      pending.clear();
    }

    private Word heredocBody(PendingHeredoc h, int start, int end) {
      WordBuilder wb = new WordBuilder();
      int i = start;
      boolean lineStart = true;
      while (i < end) {
        char c = text.charAt(i);
        if (lineStart && h.stripTabs && c == '\t') {
          i++;
          continue;
        }
        lineStart = c == '\n' || (c == '\r' && !(i + 1 < end && text.charAt(i + 1) == '\n'));
        if (h.expand && c == '\\' && i + 1 < end && "$`\\".indexOf(text.charAt(i + 1)) >= 0) {
          wb.add(text.charAt(i + 1), i + 1, true);
          i += 2;
        } else if (h.expand && c == '\\' && isNewlineAt(i + 1)) {
          i = afterNewline(i + 1);
        } else if (h.expand && (c == '$' || c == '`')) {
          int[] at = {i};
          if (!expansion(at, wb, end)) {
            wb.add(c, i, true);
            i++;
          } else {
            i = at[0];
          }
        } else {
          wb.add(c, i, true);
          i++;
        }
      }
      return wb.build(start, end);
    }

    /** Reads one word at {@code pos}; null when an unterminated quote swallowed the rest of the input. */
    private Word word() {
      int start = pos;
      WordBuilder wb = new WordBuilder();
      while (pos < limit) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || ";&|()<>".indexOf(c) >= 0) {
          break;
        }
        if (c == '\\') {
          if (isNewlineAt(pos + 1)) {
            pos = afterNewline(pos + 1);
          } else if (pos + 1 < limit) {
            wb.add(text.charAt(pos + 1), pos + 1, true);
            pos += 2;
          } else {
            pos++;
          }
        } else if (c == '\'') {
          int close = text.indexOf('\'', pos + 1);
          if (close < 0 || close >= limit) {
            return unterminated(pos, "single-quoted string");
          }
          for (int i = pos + 1; i < close; i++) {
            wb.add(text.charAt(i), i, true);
          }
          wb.markQuoted();
          pos = close + 1;
        } else if (c == '"') {
          int quote = pos;
          if (!doubleQuoted(wb)) {
            return unterminated(quote, "double-quoted string");
          }
        } else if (c == '$' && pos + 1 < limit && text.charAt(pos + 1) == '\'') {
          if (!ansiC(wb)) {
            return unterminated(pos, "$'...' string");
          }
        } else if (c == '$' || c == '`') {
          int[] at = {pos};
          if (expansion(at, wb, limit)) {
            pos = at[0];
          } else if (at[0] < 0) {
            return unterminated(pos, c == '`' ? "command substitution" : "expansion");
          } else {
            wb.add(c, pos, false);
            pos++;
          }
        } else {
          wb.add(c, pos, false);
          pos++;
        }
      }
      return wb.build(start, pos);
    }

    private Word unterminated(int at, String what) {
      problems.add(new InputProblem(file.pointAt(at), "Unterminated " + what + "."));
      if (current != null) {
        commands.remove(current); // the shell would not run the broken command
        current = null;
      }
      pos = limit;
      return null;
    }

    /** A double-quoted part starting at the quote; false when it is not closed. */
    private boolean doubleQuoted(WordBuilder wb) {
      pos++;
      wb.markQuoted();
      while (pos < limit) {
        char c = text.charAt(pos);
        if (c == '"') {
          pos++;
          return true;
        }
        if (c == '\\' && isNewlineAt(pos + 1)) {
          pos = afterNewline(pos + 1);
        } else if (c == '\\' && pos + 1 < limit && "$`\"\\".indexOf(text.charAt(pos + 1)) >= 0) {
          wb.add(text.charAt(pos + 1), pos + 1, true);
          pos += 2;
        } else if (c == '$' || c == '`') {
          int[] at = {pos};
          if (expansion(at, wb, limit)) {
            pos = at[0];
          } else if (at[0] < 0) {
            return false;
          } else {
            wb.add(c, pos, true);
            pos++;
          }
        } else {
          wb.add(c, pos, true);
          pos++;
        }
      }
      return false;
    }

    private boolean ansiC(WordBuilder wb) {
      int i = pos + 2;
      wb.markQuoted();
      while (i < limit) {
        char c = text.charAt(i);
        if (c == '\'') {
          pos = i + 1;
          return true;
        }
        if (c == '\\' && i + 1 < limit) {
          char e = text.charAt(i + 1);
          char decoded = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
          wb.add(decoded, i + 1, true);
          i += 2;
        } else {
          wb.add(c, i, true);
          i++;
        }
      }
      return false;
    }

    /**
     * An expansion at {@code at[0]} (a '$' or a backquote), added to {@code wb}; {@code at[0]} moves
     * past it. False when there is none (a lone '$'), with {@code at[0] < 0} when it is not closed.
     */
    private boolean expansion(int[] at, WordBuilder wb, int end) {
      int i = at[0];
      char c = text.charAt(i);
      if (c == '`') {
        int close = i + 1;
        while (close < end && text.charAt(close) != '`') {
          close += text.charAt(close) == '\\' ? 2 : 1;
        }
        if (close >= end) {
          at[0] = -1;
          return false;
        }
        wb.add(new Word.Subst(text.substring(i + 1, close), i, close + 1));
        at[0] = close + 1;
        return true;
      }
      if (i + 1 >= end) {
        return false;
      }
      char n = text.charAt(i + 1);
      if (n == '(') {
        int close = matching(i + 1, end, '(', ')');
        if (close < 0) {
          at[0] = -1;
          return false;
        }
        boolean arithmetic = i + 2 < end && text.charAt(i + 2) == '(';
        if (!arithmetic && depth < MAX_NESTING) {
          new Reader(i + 2, close, depth + 1).run(); // the commands it runs are commands of the script
        }
        wb.add(new Word.Subst(text.substring(i + 2, close), i, close + 1));
        at[0] = close + 1;
        return true;
      }
      if (n == '{') {
        int close = matching(i + 1, end, '{', '}');
        if (close < 0) {
          at[0] = -1;
          return false;
        }
        String inner = text.substring(i + 2, close);
        int nameEnd = 0;
        while (nameEnd < inner.length() && (Character.isLetterOrDigit(inner.charAt(nameEnd)) || inner.charAt(nameEnd) == '_')) {
          nameEnd++;
        }
        if (nameEnd == 0 && !inner.isEmpty() && "@*#?$!-".indexOf(inner.charAt(0)) >= 0 && inner.length() == 1) {
          nameEnd = 1;
        }
        if (nameEnd == 0) {
          wb.add(new Word.Subst(inner, i, close + 1)); // ${#x}, ${!x}: computed, never known
        } else {
          wb.add(new Word.Param(inner.substring(0, nameEnd), inner.substring(nameEnd), i, close + 1));
        }
        at[0] = close + 1;
        return true;
      }
      if (Character.isLetter(n) || n == '_') {
        int j = i + 1;
        while (j < end && text.charAt(j) < 128 && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        wb.add(new Word.Param(text.substring(i + 1, j), "", i, j));
        at[0] = j;
        return true;
      }
      if (Character.isDigit(n) || "@*#?$!-".indexOf(n) >= 0) {
        wb.add(new Word.Param(String.valueOf(n), "", i, i + 2));
        at[0] = i + 2;
        return true;
      }
      return false;
    }

    /** The offset of the bracket closing the one at {@code open}, skipping quotes; -1 when none. */
    private int matching(int open, int end, char o, char c) {
      int depth = 0;
      int i = open;
      while (i < end) {
        char ch = text.charAt(i);
        if (ch == '\\') {
          i += 2;
          continue;
        }
        if (ch == '\'') {
          int close = text.indexOf('\'', i + 1);
          if (close < 0 || close >= end) {
            return -1;
          }
          i = close + 1;
          continue;
        }
        if (ch == '"') {
          i++;
          while (i < end && text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
          }
          i++;
          continue;
        }
        if (ch == o) {
          depth++;
        } else if (ch == c && --depth == 0) {
          return i;
        }
        i++;
      }
      return -1;
    }

    private boolean isNewlineAt(int i) {
      return i < limit && (text.charAt(i) == '\n' || text.charAt(i) == '\r');
    }

    private int afterNewline(int i) {
      return text.charAt(i) == '\r' && i + 1 < limit && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
    }
  }

  /** Collects a word's pieces, merging adjacent characters of the same quoting. */
  private static final class WordBuilder {
    private final List<Word.Piece> pieces = new ArrayList<>();
    private final StringBuilder chars = new StringBuilder();
    private int[] offsets = new int[16];
    private boolean quoted;
    private boolean anyQuote;

    void add(char c, int offset, boolean isQuoted) {
      if (chars.length() > 0 && isQuoted != quoted) {
        flush();
      }
      quoted = isQuoted;
      if (chars.length() == offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[chars.length()] = offset;
      chars.append(c);
    }

    void add(Word.Piece piece) {
      flush();
      pieces.add(piece);
    }

    /** A quote was seen: even an empty {@code ""} makes a word. */
    void markQuoted() {
      anyQuote = true;
    }

    private void flush() {
      if (chars.length() > 0) {
        pieces.add(new Word.Chars(chars.toString(), Arrays.copyOf(offsets, chars.length()), quoted));
        chars.setLength(0);
      }
    }

    Word build(int start, int end) {
      flush();
      if (pieces.isEmpty() && !anyQuote && start == end) {
        return new Word(List.of(), start, end);
      }
      return new Word(pieces, start, end);
    }
  }
}
