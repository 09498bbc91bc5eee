package dev.polygraph.tree;

import dev.polygraph.source.Span;
import java.util.List;
import java.util.Optional;

/** A mapping in source order. Duplicate keys are kept (loaders report them); lookups take the last. */
public record MapNode(Span span, List<Entry> entries) implements Node {

  public record Entry(ScalarNode key, Node value) {}

  public MapNode {
    entries = List.copyOf(entries);
  }

  public Optional<Node> get(String key) {
    return entry(key).map(Entry::value);
  }

  public Optional<Entry> entry(String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (key.equals(entries.get(i).key().text())) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }
}
