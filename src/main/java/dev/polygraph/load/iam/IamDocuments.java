package dev.polygraph.load.iam;

import dev.polygraph.load.PlainValues;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
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
    TreeResult tree = JsonTreeReader.read(new SourceFile(null, text.span().file(), json));
    if (tree.root() == null || !tree.problems().isEmpty()) {
      String why =
          tree.problems().isEmpty() ? "it is empty" : tree.problems().get(0).message();
      return new Unknown("the policy document string does not hold valid JSON: " + why, text.span());
    }
    return relocated(PlainValues.of(tree.root()), text.span());
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

  /** The same value with every span (keys too) replaced by {@code at}. */
  static Value relocated(Value value, Span at) {
    if (value instanceof Text t) {
      return new Text(t.parts(), at);
    }
    if (value instanceof ListValue list) {
      List<Value> items = new ArrayList<>(list.items().size());
      for (Value item : list.items()) {
        items.add(relocated(item, at));
      }
      return new ListValue(items, at);
    }
    if (value instanceof MapValue map) {
      List<MapValue.Entry> entries = new ArrayList<>(map.entries().size());
      for (MapValue.Entry e : map.entries()) {
        entries.add(new MapValue.Entry(e.key(), at, relocated(e.value(), at)));
      }
      return new MapValue(entries, at);
    }
    return value instanceof Absent ? new Absent(at) : value;
  }
}
