package dev.polygraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceFileTest {

  @Test
  void linesEndAtLineFeedsCarriageReturnLineFeedsAndLoneCarriageReturns() {
    SourceFile f = new SourceFile(Path.of("f"), "f", "a\nbb\r\nccc\rd");
    assertEquals(4, f.lineCount());
    assertEquals("a", f.line(1));
    assertEquals("bb", f.line(2));
    assertEquals("ccc", f.line(3));
    assertEquals("d", f.line(4));
    assertEquals("", f.line(5));
    assertEquals(Span.point("f", 2, 3), f.pointAt(4));
    assertEquals(Span.point("f", 3, 1), f.pointAt(6));
    assertEquals(Span.point("f", 4, 2), f.pointAt(11));
  }

  @Test
  void manyLinesKeepTheirOffsets() {
    String text = "x\n".repeat(100_000);
    SourceFile f = new SourceFile(Path.of("f"), "f", text);
    assertEquals(100_001, f.lineCount());
    assertEquals(Span.point("f", 99_999, 2), f.pointAt(2 * 99_998 + 1));
  }
}
