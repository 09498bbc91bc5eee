package dev.polygraph.graph;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Value;
import java.util.List;

/**
 * An EKS add-on. For the VPC CNI ({@code vpc-cni}) the roles it runs as decide where the CNI's
 * permissions must live.
 *
 * @param serviceAccountRole the IRSA role ARN ({@code ServiceAccountRoleArn}), or null
 * @param podIdentityRoles role ARNs of the add-on's pod identity associations
 */
public record AddonNode(
    NodeId id,
    Span span,
    Guard guard,
    Value addonName,
    Value cluster,
    Value serviceAccountRole,
    List<Guarded<Value>> podIdentityRoles)
    implements GraphNode {
  public AddonNode {
    podIdentityRoles = List.copyOf(podIdentityRoles);
  }
}
