package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Value;

/**
 * An EKS managed node group.
 *
 * @param cluster the cluster's name (or a reference to it)
 * @param nodeRole the node role's ARN
 * @param launchTemplate the launch template's id or name, or null
 */
public record NodeGroupNode(
    NodeId id, Span span, Guard guard, Value name, Value cluster, Value nodeRole, Value launchTemplate)
    implements GraphNode {}
