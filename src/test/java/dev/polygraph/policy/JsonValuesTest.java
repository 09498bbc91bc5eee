package dev.polygraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

  @Test
  void scalarsAreTextsAndNullIsAbsentWithExactSpans() throws IOException {
    Value v = JsonValues.read(new StringReader("{\"a\": [1, true, null],\n \"bé\": \"x\"}"), "f.json");
    MapValue map = (MapValue) v;
    assertEquals(new Span("f.json", 1, 1, 2, 12), map.span());
    assertEquals(new Span("f.json", 1, 2, 1, 5), map.entries().get(0).keySpan());
    ListValue list = (ListValue) map.get("a").orElseThrow();
    assertEquals(new Span("f.json", 1, 7, 1, 22), list.span());
    assertEquals(List.of(
        Text.of("1", new Span("f.json", 1, 8, 1, 9)),
        Text.of("true", new Span("f.json", 1, 11, 1, 15)),
        new Absent(new Span("f.json", 1, 17, 1, 21))), list.items());
    assertEquals(new Span("f.json", 2, 2, 2, 6), map.entries().get(1).keySpan());
    assertEquals(Text.of("x", new Span("f.json", 2, 8, 2, 11)), map.get("bé").orElseThrow());
  }

  @Test
  void emptyOrTrailingContentIsAnError() {
    IOException empty = assertThrows(IOException.class, () -> JsonValues.read(new StringReader(""), "f.json"));
    assertEquals("f.json is empty", empty.getMessage());
    IOException twice = assertThrows(IOException.class, () -> JsonValues.read(new StringReader("{} {}"), "f.json"));
    assertEquals("f.json holds more than one JSON value", twice.getMessage());
  }
}
