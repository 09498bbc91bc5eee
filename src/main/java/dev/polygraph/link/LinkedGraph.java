package dev.polygraph.link;

import dev.polygraph.graph.PolicyGraph;

/** The policy graph of one scan with its references resolved and the facts rules read. */
public final class LinkedGraph {

  private final PolicyGraph graph;
  private final Links links;
  private final NodeRoles nodeRoles;
  private final Permissions permissions;

  LinkedGraph(PolicyGraph graph, Links links, NodeRoles nodeRoles, Permissions permissions) {
    this.graph = graph;
    this.links = links;
    this.nodeRoles = nodeRoles;
    this.permissions = permissions;
  }

  public PolicyGraph graph() {
    return graph;
  }

  public Links links() {
    return links;
  }

  public NodeRoles nodeRoles() {
    return nodeRoles;
  }

  public Permissions permissions() {
    return permissions;
  }
}
