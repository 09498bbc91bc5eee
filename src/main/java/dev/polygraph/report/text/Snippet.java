package dev.polygraph.report.text;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.List;

/**
 * The two lines under a finding's header: the source line and a caret line marking the span, e.g.
 *
 * <pre>
 *    41 |       ManagedPolicyArns:
 *       |       ^~~~~~~~~~~~~~~~~
 * </pre>
 *
 * Tabs expand to the next multiple of {@link #TAB_WIDTH} in both lines, so the caret stays under
 * the character it marks; a surrogate pair takes one cell although it is two UTF-16 columns. A line
 * longer than {@link #MAX_WIDTH} shows a window of it around the span, with "…" where it is cut: a
 * minified one-line policy with thousands of findings must not print the whole line thousands of
 * times.
 */
final class Snippet {
  static final int TAB_WIDTH = 4;
  /** The most UTF-16 units of a line shown; longer lines are cut to a window around the span. */
  static final int MAX_WIDTH = 160;
  /** How much of the line before the span a window keeps. */
  private static final int CONTEXT_BEFORE = 40;
  private static final String CUT = "…";
  private static final int GUTTER_WIDTH = 5;

  private Snippet() {}

  /** The snippet lines for {@code span}, or none when the file's text or the line is not at hand. */
  static List<String> of(Span span, SourceFile file) {
    if (file == null || span.startLine() > file.lineCount()) {
      return List.of();
    }
    int length = file.lineLength(span.startLine());
    int start = Math.min(span.startColumn() - 1, length);
    // A span running past its first line is underlined to the end of that line.
    int end =
        span.endLine() == span.startLine()
            ? Math.max(start, Math.min(span.endColumn() - 1, length))
            : length;

    int from = 0;
    int to = length;
    if (length > MAX_WIDTH) {
      from = Math.max(0, Math.min(start - CONTEXT_BEFORE, length - MAX_WIDTH));
      to = Math.min(length, from + MAX_WIDTH);
    }
    String text = file.text();
    int offset = file.lineOffset(span.startLine());
    from = whole(text, offset, from);
    to = whole(text, offset, to);
    String prefix = from > 0 ? CUT : "";
    String line = prefix + text.substring(offset + from, offset + to) + (to < length ? CUT : "");
    int startCell = cells(line, prefix.length() + Math.min(start, to) - from);
    int endCell = cells(line, prefix.length() + Math.min(end, to) - from);
    int width = Math.max(1, endCell - startCell);

    String number = String.format("%" + GUTTER_WIDTH + "d", span.startLine());
    String blank = " ".repeat(number.length());
    String source = (number + " | " + expand(line)).stripTrailing();
    String carets = blank + " | " + " ".repeat(startCell) + "^" + "~".repeat(width - 1);
    return List.of(source, carets);
  }

  /** A cut that does not split a surrogate pair: moved back before its high half. */
  private static int whole(String text, int offset, int cut) {
    int at = offset + cut;
    return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))
        && Character.isHighSurrogate(text.charAt(at - 1)) ? cut - 1 : cut;
  }

  /** The display width of {@code line}'s first {@code utf16Length} code units. */
  private static int cells(String line, int utf16Length) {
    int cells = 0;
    int i = 0;
    while (i < utf16Length) {
      int c = line.codePointAt(i);
      cells = c == '\t' ? (cells / TAB_WIDTH + 1) * TAB_WIDTH : cells + 1;
      i += Character.charCount(c);
    }
    return cells;
  }

  private static String expand(String line) {
    StringBuilder out = new StringBuilder(line.length() + 8);
    int cells = 0;
    int i = 0;
    while (i < line.length()) {
      int c = line.codePointAt(i);
      if (c == '\t') {
        int next = (cells / TAB_WIDTH + 1) * TAB_WIDTH;
        out.append(" ".repeat(next - cells));
        cells = next;
      } else {
        out.appendCodePoint(Character.isISOControl(c) ? '?' : c);
        cells++;
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }
}
