package dev.polygraph.link;

import dev.polygraph.graph.NodeId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The edges of one scan, in the order the linker made them, indexed by where they start and end. */
public final class Edges {

  private final List<Edge> all;
  private final Map<Edge.Kind, List<Edge>> byKind = new EnumMap<>(Edge.Kind.class);
  private final Map<Edge.Kind, Map<NodeId, List<Edge>>> from = new EnumMap<>(Edge.Kind.class);
  private final Map<Edge.Kind, Map<NodeId, List<Edge>>> to = new EnumMap<>(Edge.Kind.class);

  Edges(List<Edge> edges) {
    this.all = List.copyOf(edges);
    for (Edge e : all) {
      byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
      from.computeIfAbsent(e.kind(), k -> new HashMap<>()).computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      e.toNode()
          .ifPresent(
              n -> to.computeIfAbsent(e.kind(), k -> new HashMap<>()).computeIfAbsent(n, k -> new ArrayList<>()).add(e));
    }
  }

  /** Every edge. */
  public List<Edge> all() {
    return all;
  }

  /** Every edge of a kind. */
  public List<Edge> of(Edge.Kind kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  /** The edges of a kind that start at a node. */
  public List<Edge> from(Edge.Kind kind, NodeId node) {
    return from.getOrDefault(kind, Map.of()).getOrDefault(node, List.of());
  }

  /** The edges of a kind that lead to a node of the scan. */
  public List<Edge> to(Edge.Kind kind, NodeId node) {
    return to.getOrDefault(kind, Map.of()).getOrDefault(node, List.of());
  }
}
