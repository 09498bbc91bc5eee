package dev.polygraph.load.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Policy documents as the IAM API and the AWS CLI write them: a JSON object (what the CLI prints),
 * or a string holding URL-encoded JSON (what the API returns, and what account dumps keep).
 */
final class IamDocuments {

  // The limits of located trees: a document string is input like any other.
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(200).maxStringLength(1_000_000).build())
          .build();

  private IamDocuments() {}

  /**
   * The document a value holds. A string is decoded and parsed; every value inside it points at the
   * string, the closest place a reader can find in the file.
   */
  static Value document(Value value) {
    if (!(value instanceof Text text) || text.literal().isEmpty()) {
      return value;
    }
    String written = text.literal().get();
    String json;
    try {
      json = written.trim().startsWith("{") ? written : URLDecoder.decode(written, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new Unknown("the policy document string is not URL-encoded JSON", text.span());
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      if (parser.nextToken() == null) {
        return new Unknown("the policy document string is empty", text.span());
      }
      Value document = read(parser, text.span());
      if (parser.nextToken() != null) {
        return new Unknown("the policy document string holds more than one JSON value", text.span());
      }
      return document;
    } catch (IOException e) {
      return new Unknown("the policy document string does not hold valid JSON", text.span());
    }
  }

  /**
   * The value at the parser's current token, every part at {@code at}: a string has no positions
   * of its own to report, and a located tree of it would cost a line map per document.
   */
  private static Value read(JsonParser parser, Span at) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      List<MapValue.Entry> entries = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        parser.nextToken();
        entries.add(new MapValue.Entry(key, at, read(parser, at)));
      }
      return new MapValue(entries, at);
    }
    if (token == JsonToken.START_ARRAY) {
      List<Value> items = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(parser, at));
      }
      return new ListValue(items, at);
    }
    return token == JsonToken.VALUE_NULL ? new Absent(at) : Text.of(parser.getText(), at);
  }

  /** Whether a document's statements name principals: a trust policy rather than a permissions policy. */
  static boolean isTrustPolicy(Value document) {
    if (!(document instanceof MapValue map)) {
      return false;
    }
    Optional<Value> statement = map.get("Statement");
    if (statement.isEmpty()) {
      return false;
    }
    List<Value> statements =
        statement.get() instanceof ListValue list ? list.items() : List.of(statement.get());
    for (Value s : statements) {
      if (s instanceof MapValue m && (m.get("Principal").isPresent() || m.get("NotPrincipal").isPresent())) {
        return true;
      }
    }
    return false;
  }
}
