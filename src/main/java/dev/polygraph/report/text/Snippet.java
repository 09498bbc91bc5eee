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
 * the character it marks; a surrogate pair takes one cell although it is two UTF-16 columns.
 */
final class Snippet {
  static final int TAB_WIDTH = 4;
  private static final int GUTTER_WIDTH = 5;

  private Snippet() {}

  /** The snippet lines for {@code span}, or none when the file's text or the line is not at hand. */
  static List<String> of(Span span, SourceFile file) {
    if (file == null || span.startLine() > file.lineCount()) {
      return List.of();
    }
    String line = file.line(span.startLine());
    int start = Math.min(span.startColumn() - 1, line.length());
    // A span running past its first line is underlined to the end of that line.
    int end =
        span.endLine() == span.startLine()
            ? Math.max(start, Math.min(span.endColumn() - 1, line.length()))
            : line.length();
    int startCell = cells(line, start);
    int width = Math.max(1, cells(line, end) - startCell);

    String number = String.format("%" + GUTTER_WIDTH + "d", span.startLine());
    String blank = " ".repeat(number.length());
    String source = (number + " | " + expand(line)).stripTrailing();
    String carets = blank + " | " + " ".repeat(startCell) + "^" + "~".repeat(width - 1);
    return List.of(source, carets);
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
