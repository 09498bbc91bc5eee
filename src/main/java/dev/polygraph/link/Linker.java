package dev.polygraph.link;

import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.policy.ManagedPolicies;

/**
 * The link stage: turns the loaded graph into a {@link LinkedGraph} once per scan, so that every
 * rule reads the same resolved references and derived facts instead of re-deriving them.
 */
public final class Linker {

  private Linker() {}

  public static LinkedGraph link(PolicyGraph graph, LinkSettings settings, ManagedPolicies managed) {
    Links links = new Links(graph);
    return new LinkedGraph(
        graph, links, new NodeRoles(graph, links, settings.nodeRoles()), new Permissions(graph, links, managed));
  }
}
