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

  public int lineCount() {
    return lineStarts().length;
  }

  /** The 1-based position of a 0-based UTF-16 offset. */
  public Span pointAt(int offset) {
    int[] starts = lineStarts();
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return Span.point(name, lo + 1, offset - starts[lo] + 1);
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
