package dev.polygraph.link;

import dev.polygraph.graph.NodeId;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Value;
import java.util.Optional;

/**
 * One resolved relation of the policy graph: a reference a node holds (an ARN, a name, a resource
 * attribute), turned by the {@link Linker} into what it names.
 *
 * @param from where the relation starts: the user of a role for {@link Kind#RUNS_AS}, the role for
 *     {@link Kind#ATTACHES}, {@link Kind#TRUSTS} and {@link Kind#BOUNDED_BY}
 * @param to what it leads to
 * @param by the node whose definition states it: {@code from} itself, or a resource of its own (a
 *     policy attachment, a policy that lists its roles)
 * @param span where it is written (the reference, or the node that states it)
 * @param guard when it holds: the stating node's condition and the reference's own
 */
public record Edge(Kind kind, NodeId from, Target to, NodeId by, Span span, Guard guard) {

  public enum Kind {
    /** Node group, cluster, Fargate profile, add-on or pod identity association → the role it runs as. */
    RUNS_AS,
    /** EKS Auto Mode cluster → the role its compute config launches nodes with. */
    NODES_RUN_AS,
    /** Role → an identity policy attached to it (written on it, or attaching itself). */
    ATTACHES,
    /** Role → its trust policy. */
    TRUSTS,
    /** Role → its permissions boundary. */
    BOUNDED_BY,
    /** Instance profile → the role in it. */
    CONTAINS,
    /** Node group, access entry, add-on, pod identity association, Fargate profile → its cluster. */
    BELONGS_TO,
    /** VPC CNI add-on, or the pod identity association of {@code kube-system/aws-node} → the role the CNI runs as. */
    SERVES_CNI,
    /** Launch template → its instance profile. */
    USES_PROFILE,
    /** Node group, Auto Scaling group → the launch template it starts instances from. */
    USES_TEMPLATE,
    /** Access entry → the role it names as its principal. */
    NAMES
  }

  /** What an edge leads to. */
  public sealed interface Target {
    /** A node of the scan. */
    record Node(NodeId id) implements Target {}

    /** An AWS managed policy, known by name in every partition. */
    record AwsManagedPolicy(String name) implements Target {}

    /** A document written on the node itself (a role's trust policy, its own inline policies). */
    record Document(PolicyDocument document) implements Target {}

    /** A reference that names nothing in the scan (or more than one thing), or is not known. */
    record Outside(Value reference) implements Target {}
  }

  /** The node this edge leads to, if it leads to a node of the scan. */
  public Optional<NodeId> toNode() {
    return to instanceof Target.Node n ? Optional.of(n.id()) : Optional.empty();
  }
}
