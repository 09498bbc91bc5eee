package dev.polygraph.tree;

import dev.polygraph.source.Span;
import java.util.List;

public record SeqNode(Span span, List<Node> items) implements Node {
  public SeqNode {
    items = List.copyOf(items);
  }
}
