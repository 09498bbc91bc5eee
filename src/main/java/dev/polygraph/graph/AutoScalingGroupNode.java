package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Value;

/**
 * An Auto Scaling group (self-managed nodes). It tells which launch template (or launch
 * configuration) starts instances, and its tags can show that they join an EKS cluster.
 *
 * @param launchTemplate the launch template's id or name, or a reference to it; or the launch
 *     configuration's name; null when the group names none
 * @param eksNodeEvidence why its instances are EKS nodes ("tagged 'kubernetes.io/cluster/demo'"), or
 *     null when nothing says so
 */
public record AutoScalingGroupNode(
    NodeId id, Span span, Guard guard, Value launchTemplate, String eksNodeEvidence)
    implements GraphNode {}
