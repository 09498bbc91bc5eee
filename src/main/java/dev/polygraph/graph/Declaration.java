package dev.polygraph.graph;

import dev.polygraph.source.Span;

/**
 * What the user declared a role to be (the config's {@code roles:}), for roles no template or
 * cluster in scope explains.
 *
 * @param kind "eks-node" or "eks-cluster", or null when not said
 * @param ipFamily "ipv4" or "ipv6" for the clusters a node role serves, or null when not said
 * @param span where the declaration is written
 */
public record Declaration(String kind, String ipFamily, Span span) {
  public static final String NODE = "eks-node";

  public boolean nodeRole() {
    return NODE.equals(kind);
  }
}
