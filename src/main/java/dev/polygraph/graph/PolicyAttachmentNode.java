package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Value;
import java.util.List;

/**
 * A managed policy attached to roles by a resource of its own ({@code
 * aws_iam_role_policy_attachment}, {@code aws_iam_policy_attachment}), rather than on the role.
 *
 * @param roles the roles (names, ARNs or references) the policy is attached to
 * @param policyArn the attached policy's ARN (AWS managed or customer-managed)
 */
public record PolicyAttachmentNode(
    NodeId id, Span span, Guard guard, List<Guarded<Value>> roles, Value policyArn)
    implements GraphNode {
  public PolicyAttachmentNode {
    roles = List.copyOf(roles);
  }
}
