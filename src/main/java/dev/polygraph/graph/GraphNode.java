package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;

/**
 * A node of the policy graph. References to other nodes are kept as values (an ARN, a name, a
 * resource attribute) and resolved by the link stage ({@code dev.polygraph.link.Linker}); that is how nodes in different files meet.
 */
public sealed interface GraphNode
    permits RoleNode,
        ManagedPolicyNode,
        InlinePolicyNode,
        InstanceProfileNode,
        LaunchTemplateNode,
        ClusterNode,
        NodeGroupNode,
        AddonNode,
        PodIdentityAssociationNode,
        AccessEntryNode,
        PolicyAttachmentNode,
        AutoScalingGroupNode {

  NodeId id();

  /** Where the node is defined (the resource's logical ID, the block's header). */
  Span span();

  /** The condition under which the node exists (CloudFormation {@code Condition:}, Terraform count). */
  Guard guard();

  default String address() {
    return id().address();
  }
}
