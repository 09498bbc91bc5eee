package dev.polygraph.source;

import java.util.Comparator;
import java.util.Objects;

/**
 * A region of a source file: 1-based lines and columns, end column exclusive, columns counted in
 * UTF-16 code units (SARIF's {@code utf16CodeUnits}). The constructor rejects nonsense, so every span
 * that reaches a report is valid.
 *
 * @param file the file's path relative to the scan root, with forward slashes
 */
public record Span(String file, int startLine, int startColumn, int endLine, int endColumn)
    implements Comparable<Span> {

  private static final Comparator<Span> ORDER =
      Comparator.comparing(Span::file)
          .thenComparingInt(Span::startLine)
          .thenComparingInt(Span::startColumn)
          .thenComparingInt(Span::endLine)
          .thenComparingInt(Span::endColumn);

  public Span {
    Objects.requireNonNull(file, "file");
    if (startLine < 1 || startColumn < 1 || endLine < 1 || endColumn < 1) {
      throw new IllegalArgumentException(
          "span positions are 1-based: " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
    if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
      throw new IllegalArgumentException(
          "span ends before it starts: " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
  }

  /** A span covering one point (an empty region), e.g. the position a parser reported. */
  public static Span point(String file, int line, int column) {
    return new Span(file, line, column, line, column);
  }

  /** The whole first line of a file, for findings about a file as a whole. */
  public static Span fileStart(String file) {
    return new Span(file, 1, 1, 1, 1);
  }

  /** The smallest span covering this one and {@code other} (same file). */
  public Span union(Span other) {
    Span first = ORDER.compare(this, other) <= 0 ? this : other;
    boolean thisEndsLater =
        endLine > other.endLine || (endLine == other.endLine && endColumn >= other.endColumn);
    Span last = thisEndsLater ? this : other;
    return new Span(file, first.startLine, first.startColumn, last.endLine, last.endColumn);
  }

  @Override
  public int compareTo(Span o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return file + ":" + startLine + ":" + startColumn;
  }
}
