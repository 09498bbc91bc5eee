package dev.polygraph.tree;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;

/**
 * Turns 0-based UTF-16 offsets of one file into spans, through the file's own line starts (computed
 * once per file, shared with everything else that asks the file for positions).
 */
final class LineMap {
  private final SourceFile source;

  LineMap(SourceFile source) {
    this.source = source;
  }

  String text() {
    return source.text();
  }

  Span span(int startOffset, int endOffset) {
    return source.span(startOffset, endOffset);
  }

  Span point(int offset) {
    return source.pointAt(offset);
  }

  /** The 1-based line of an offset, e.g. for "first defined at line L". */
  int line(int offset) {
    return source.lineOf(offset);
  }
}
