package dev.polygraph.graph;

import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Value;
import java.util.List;

/**
 * An IAM role.
 *
 * @param name the role name (RoleName, name), or null when the tool generates it
 * @param trust the trust policy, or null when the role has none in the source
 * @param inline inline policies written on the role itself (CloudFormation {@code Policies},
 *     Terraform {@code inline_policy}); policies attached from elsewhere are separate nodes
 * @param managedPolicyArns the ARNs of attached managed policies written on the role itself
 * @param managedPolicyArnsSpan where that list is written, or null when it is not
 * @param boundary the permissions boundary's ARN, or null
 * @param declaration what the user declared the role to be, or null (roles of templates)
 */
public record RoleNode(
    NodeId id,
    Span span,
    Guard guard,
    Value name,
    PolicyDocument trust,
    List<Guarded<PolicyDocument>> inline,
    List<Guarded<Value>> managedPolicyArns,
    Span managedPolicyArnsSpan,
    Guarded<Value> boundary,
    Declaration declaration)
    implements GraphNode {
  public RoleNode {
    inline = List.copyOf(inline);
    managedPolicyArns = List.copyOf(managedPolicyArns);
  }

  /** A role nobody declared anything about: what every template loader builds. */
  public RoleNode(
      NodeId id,
      Span span,
      Guard guard,
      Value name,
      PolicyDocument trust,
      List<Guarded<PolicyDocument>> inline,
      List<Guarded<Value>> managedPolicyArns,
      Span managedPolicyArnsSpan,
      Guarded<Value> boundary) {
    this(id, span, guard, name, trust, inline, managedPolicyArns, managedPolicyArnsSpan, boundary, null);
  }
}
