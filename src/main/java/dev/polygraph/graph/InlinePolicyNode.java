package dev.polygraph.graph;

import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Value;
import java.util.List;

/**
 * An inline policy defined apart from its roles ({@code AWS::IAM::Policy}, {@code
 * AWS::IAM::RolePolicy}, {@code aws_iam_role_policy}), and the roles (names or references) it is put on.
 */
public record InlinePolicyNode(
    NodeId id, Span span, Guard guard, Value name, PolicyDocument document, List<Guarded<Value>> roles)
    implements GraphNode {
  public InlinePolicyNode {
    roles = List.copyOf(roles);
  }
}
