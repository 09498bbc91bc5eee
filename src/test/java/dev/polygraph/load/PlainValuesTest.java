package dev.polygraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PlainValuesTest {

  @Test
  void jsonBecomesValuesWithTheSpansOfTheirNodes() {
    String json = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [null, 3]\n}\n";
    var tree = JsonTreeReader.read(new SourceFile(Path.of("p.json"), "p.json", json));
    MapValue map = assertInstanceOf(MapValue.class, PlainValues.of(tree.root()));
    assertEquals(new Span("p.json", 1, 1, 4, 2), map.span());
    MapValue.Entry version = map.entry("Version").orElseThrow();
    assertEquals(new Span("p.json", 2, 3, 2, 12), version.keySpan());
    assertEquals("2012-10-17", ((Text) version.value()).literal().orElseThrow());
    ListValue statements = assertInstanceOf(ListValue.class, map.get("Statement").orElseThrow());
    assertInstanceOf(Absent.class, statements.items().get(0));
    assertEquals("3", ((Text) statements.items().get(1)).literal().orElseThrow());
    assertEquals(new Span("p.json", 3, 23, 3, 24), statements.items().get(1).span());
  }
}
