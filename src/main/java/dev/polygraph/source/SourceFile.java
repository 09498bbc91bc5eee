package dev.polygraph.source;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The text of one input file and the way to turn offsets into line/column positions. Lines end at
 * {@code \n}, {@code \r\n} or a lone {@code \r}; a line's text never includes its terminator.
 *
 * <p>{@code name} is the path relative to the scan root with forward slashes (what reports show).
 */
public final class SourceFile {

  private final Path path;
  private final String name;
  private final String text;
  /** Offsets where lines start; computed on first use (only files with findings need it). */
  private int[] lineStarts;

  public SourceFile(Path path, String name, String text) {
    this.path = path;
    this.name = java.util.Objects.requireNonNull(name, "name");
    this.text = java.util.Objects.requireNonNull(text, "text");
  }

  public Path path() {
    return path;
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** The line (1-based) without its terminator, or "" past the end. */
  public String line(int line) {
    int[] starts = lineStarts();
    if (line < 1 || line > starts.length) {
      return "";
    }
    int start = starts[line - 1];
    int end = line < starts.length ? starts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The 0-based offset where a line (1-based, at most {@link #lineCount()}) starts. */
  public int lineOffset(int line) {
    return lineStarts()[line - 1];
  }

  /** The length of a line (1-based, at most {@link #lineCount()}) without its terminator. */
  public int lineLength(int line) {
    int[] starts = lineStarts();
    int start = starts[line - 1];
    int end = line < starts.length ? starts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end - start;
  }

  public int lineCount() {
    return lineStarts().length;
  }

  /** The 1-based position of a 0-based UTF-16 offset. */
  public Span pointAt(int offset) {
    return span(offset, offset);
  }

  /**
   * The span between two 0-based UTF-16 offsets (clamped to the text; an end before the start is
   * taken as the start). The line starts are computed once per file, then each position is a
   * binary search: parsers of large files ask for millions of spans.
   */
  public Span span(int startOffset, int endOffset) {
    int[] starts = lineStarts();
    int start = clamp(startOffset);
    int end = Math.max(start, clamp(endOffset));
    int startLine = lineIndex(starts, start);
    int endLine = lineIndex(starts, end);
    return new Span(
        name, startLine + 1, start - starts[startLine] + 1, endLine + 1, end - starts[endLine] + 1);
  }

  /** The 1-based line of a 0-based UTF-16 offset. */
  public int lineOf(int offset) {
    return lineIndex(lineStarts(), clamp(offset)) + 1;
  }

  private int clamp(int offset) {
    return Math.max(0, Math.min(offset, text.length()));
  }

  private static int lineIndex(int[] starts, int offset) {
    int found = Arrays.binarySearch(starts, offset);
    return found >= 0 ? found : -found - 2;
  }

  private int[] lineStarts() {
    if (lineStarts == null) {
      lineStarts = computeLineStarts(text);
    }
    return lineStarts;
  }

  private static int[] computeLineStarts(String text) {
    // A growing int[] rather than a list of boxed offsets: an account dump has millions of lines.
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }
}
