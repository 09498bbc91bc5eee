package dev.polygraph.link;

import java.util.List;

/**
 * What the user told the link stage about roles the graph cannot explain.
 *
 * @param nodeRoles names or globs of roles to treat as node roles ({@code eks.node-roles})
 */
public record LinkSettings(List<String> nodeRoles) {
  public static final LinkSettings DEFAULTS = new LinkSettings(List.of());

  public LinkSettings {
    nodeRoles = List.copyOf(nodeRoles);
  }
}
