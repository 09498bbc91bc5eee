package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Value;

/**
 * An EKS cluster.
 *
 * @param roleArn the cluster role's ARN
 * @param ipFamily "ipv4"/"ipv6" as written (case-insensitive), or null when unset (EKS's default is ipv4)
 * @param autoMode whether EKS Auto Mode is on ({@code ComputeConfig.Enabled}), or null when unset
 * @param autoModeNodeRole the role EKS Auto Mode launches the cluster's nodes with ({@code
 *     ComputeConfig.NodeRoleArn}), or null when unset
 */
public record ClusterNode(
    NodeId id,
    Span span,
    Guard guard,
    Value name,
    Value roleArn,
    Value ipFamily,
    Value autoMode,
    Value autoModeNodeRole)
    implements GraphNode {

  /** A cluster whose compute config names no Auto Mode node role. */
  public ClusterNode(NodeId id, Span span, Guard guard, Value name, Value roleArn, Value ipFamily, Value autoMode) {
    this(id, span, guard, name, roleArn, ipFamily, autoMode, null);
  }
}
