package dev.polygraph.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON data polygraph ships (the AWS managed policies) into values whose spans are the
 * real positions in the shipped file, so a finding can point into it. Scalars of every JSON type
 * become texts, null becomes absent (as in CloudFormation).
 */
final class JsonValues {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonValues() {}

  /** The value of the single JSON document {@code reader} holds; {@code file} names it in spans. */
  static Value read(Reader reader, String file) throws IOException {
    try (JsonParser p = FACTORY.createParser(reader)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new IOException(file + " is empty");
      }
      Value v = value(p, file);
      if (p.nextToken() != null) {
        throw new IOException(file + " holds more than one JSON value");
      }
      return v;
    }
  }

  private static Value value(JsonParser p, String file) throws IOException {
    JsonLocation start = p.currentTokenLocation();
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      List<MapValue.Entry> entries = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        // The key as written: its quotes and characters (Jackson's location after it is past the colon).
        JsonLocation at = p.currentTokenLocation();
        Span keySpan =
            new Span(file, at.getLineNr(), at.getColumnNr(), at.getLineNr(), at.getColumnNr() + key.length() + 2);
        p.nextToken();
        entries.add(new MapValue.Entry(key, keySpan, value(p, file)));
      }
      return new MapValue(entries, span(file, start, p.currentLocation()));
    }
    if (t == JsonToken.START_ARRAY) {
      List<Value> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(p, file));
      }
      return new ListValue(items, span(file, start, p.currentLocation()));
    }
    // Reading the text first makes the parser finish the token, so its end location is exact.
    String text = p.getText();
    Span span = span(file, start, p.currentLocation());
    if (t == JsonToken.VALUE_NULL) {
      return new Absent(span);
    }
    return Text.of(text, span);
  }

  private static Span span(String file, JsonLocation start, JsonLocation end) {
    int endLine = Math.max(end.getLineNr(), start.getLineNr());
    int endColumn = end.getLineNr() > start.getLineNr() ? end.getColumnNr() : Math.max(end.getColumnNr(), start.getColumnNr());
    return new Span(file, start.getLineNr(), start.getColumnNr(), endLine, endColumn);
  }
}
