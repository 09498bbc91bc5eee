package dev.polygraph.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The format-neutral policy graph of one scan: every node any loader produced. Immutable; built with
 * {@link Builder}. Nodes are kept sorted by id so everything downstream is deterministic.
 */
public final class PolicyGraph {

  private final List<GraphNode> nodes;
  private final Set<String> accountFiles;

  private PolicyGraph(List<GraphNode> nodes, Set<String> accountFiles) {
    List<GraphNode> sorted = new ArrayList<>(nodes);
    sorted.sort(Comparator.comparing(GraphNode::id));
    this.nodes = List.copyOf(sorted);
    this.accountFiles = Set.copyOf(accountFiles);
  }

  /**
   * Whether the file describes an account as it is (IAM JSON, AWS CLI output, roles declared in the
   * config) rather than a template to deploy: its ARNs are facts of one partition, not portability
   * mistakes.
   */
  public boolean isAccountFile(String file) {
    return accountFiles.contains(file);
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
    private final Set<String> accountFiles = new HashSet<>();

    public Builder add(GraphNode node) {
      nodes.add(node);
      return this;
    }

    /** Marks a file as describing an account as it is ({@link PolicyGraph#isAccountFile}). */
    public Builder accountFile(String file) {
      accountFiles.add(file);
      return this;
    }

    public PolicyGraph build() {
      return new PolicyGraph(nodes, accountFiles);
    }
  }
}
