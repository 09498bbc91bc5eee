package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Value;

/** An EKS Pod Identity association: pods of a service account run as a role. */
public record PodIdentityAssociationNode(
    NodeId id, Span span, Guard guard, Value cluster, Value namespace, Value serviceAccount, Value role)
    implements GraphNode {}
