package dev.polygraph.tree;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.Arrays;

/**
 * Turns 0-based UTF-16 offsets of one file into spans. Lines end exactly where {@link SourceFile}
 * says they do ({@code \n}, {@code \r\n}, lone {@code \r}); the line starts are computed once, so a
 * large file with many nodes costs one pass plus a binary search per position.
 */
final class LineMap {
  private final String file;
  private final String text;
  private final int[] starts;

  LineMap(SourceFile source) {
    this.file = source.name();
    this.text = source.text();
    int[] found = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(found, count);
  }

  String text() {
    return text;
  }

  Span span(int startOffset, int endOffset) {
    startOffset = clamp(startOffset);
    endOffset = Math.max(startOffset, clamp(endOffset));
    int startLine = lineIndex(startOffset);
    int endLine = lineIndex(endOffset);
    return new Span(
        file,
        startLine + 1,
        startOffset - starts[startLine] + 1,
        endLine + 1,
        endOffset - starts[endLine] + 1);
  }

  Span point(int offset) {
    return span(offset, offset);
  }

  /** The 1-based line of an offset, e.g. for "first defined at line L". */
  int line(int offset) {
    return lineIndex(offset) + 1;
  }

  private int clamp(int offset) {
    return Math.max(0, Math.min(offset, text.length()));
  }

  private int lineIndex(int offset) {
    int found = Arrays.binarySearch(starts, clamp(offset));
    return found >= 0 ? found : -found - 2;
  }
}
