package dev.polygraph.load;

import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * A located tree read as plain data, with no expression language: what an IAM JSON document, an
 * AWS CLI output or a config file means. Every value keeps its node's span.
 */
public final class PlainValues {

  private PlainValues() {}

  public static Value of(Node node) {
    if (node instanceof ScalarNode s) {
      return s.isNull() ? new Absent(s.span()) : Text.of(s.text(), s.span());
    }
    if (node instanceof SeqNode seq) {
      List<Value> items = new ArrayList<>(seq.items().size());
      for (Node item : seq.items()) {
        items.add(of(item));
      }
      return new ListValue(items, seq.span());
    }
    MapNode map = (MapNode) node;
    List<MapValue.Entry> entries = new ArrayList<>(map.entries().size());
    for (MapNode.Entry e : map.entries()) {
      String key = e.key().text() == null ? "null" : e.key().text();
      entries.add(new MapValue.Entry(key, e.key().span(), of(e.value())));
    }
    return new MapValue(entries, map.span());
  }
}
