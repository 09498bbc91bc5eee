package dev.polygraph.graph;

import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Value;
import java.util.List;

/**
 * A customer-managed policy defined in the scan ({@code AWS::IAM::ManagedPolicy}, {@code
 * aws_iam_policy}).
 *
 * @param name the policy name, or null when generated
 * @param roles roles it attaches itself to (CloudFormation's {@code Roles} property)
 */
public record ManagedPolicyNode(
    NodeId id, Span span, Guard guard, Value name, PolicyDocument document, List<Guarded<Value>> roles)
    implements GraphNode {
  public ManagedPolicyNode {
    roles = List.copyOf(roles);
  }
}
