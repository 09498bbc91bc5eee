package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Value;

/** An EKS access entry; type {@code EC2_LINUX}/{@code EC2_WINDOWS} makes its principal a node role. */
public record AccessEntryNode(
    NodeId id, Span span, Guard guard, Value cluster, Value principalArn, Value type)
    implements GraphNode {}
