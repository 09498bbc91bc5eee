package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Value;

/**
 * A launch template (or launch configuration).
 *
 * @param instanceProfile the instance profile's ARN or name, or null when the template has none
 * @param eksNodeEvidence why this template launches EKS nodes ("user data runs
 *     '/etc/eks/bootstrap.sh'", "used by node group 'Workers'"), or null when nothing says so
 */
public record LaunchTemplateNode(
    NodeId id, Span span, Guard guard, Value name, Value instanceProfile, String eksNodeEvidence)
    implements GraphNode {}
