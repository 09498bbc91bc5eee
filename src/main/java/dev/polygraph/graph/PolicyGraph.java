package dev.polygraph.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The format-neutral policy graph of one scan: every node any loader produced. Immutable; built with
 * {@link Builder}. Nodes are kept sorted by id so everything downstream is deterministic.
 */
public final class PolicyGraph {

  private final List<GraphNode> nodes;

  private PolicyGraph(List<GraphNode> nodes) {
    List<GraphNode> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparing(GraphNode::id));
    this.nodes = List.copyOf(sorted);
  }

  public List<GraphNode> nodes() {
    return nodes;
  }

  public <T extends GraphNode> List<T> nodes(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (GraphNode n : nodes) {
      if (type.isInstance(n)) {
        out.add(type.cast(n));
      }
    }
    return out;
  }

  public List<RoleNode> roles() {
    return nodes(RoleNode.class);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects nodes from the loaders of one scan. */
  public static final class Builder {
    private final List<GraphNode> nodes = new ArrayList<>();

    public Builder add(GraphNode node) {
      nodes.add(node);
      return this;
    }

    public PolicyGraph build() {
      return new PolicyGraph(nodes);
    }
  }
}
