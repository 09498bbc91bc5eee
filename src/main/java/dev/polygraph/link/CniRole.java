package dev.polygraph.link;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.value.Guard;

/**
 * A role the VPC CNI of a cluster runs as instead of the node role.
 *
 * @param source what gives the CNI the role: the {@code vpc-cni} add-on (its IRSA or pod identity
 *     role) or the pod identity association of {@code kube-system/aws-node}
 * @param role the role, or null when the reference names no role in the scan
 * @param target what the reference leads to (a role of the scan, or something outside it)
 */
public record CniRole(GraphNode source, ClusterNode cluster, RoleNode role, Edge.Target target, Guard guard) {}
