package dev.polygraph.policy;

import java.util.List;

/**
 * Everything that decides what a role may do in one scenario: the identity policies (inline and
 * attached), the permissions boundary if any, and the policies the scan cannot see.
 *
 * @param identity the identity-based policy documents in effect
 * @param boundary the permissions boundary's document, or null when the role has none
 * @param unresolved why some attached policy is not known ("customer-managed policy
 *     'arn:aws:iam::111122223333:policy/Nodes' is outside the scan"); a decision that such a policy
 *     could change is undecided
 * @param boundaryUnresolved why the boundary is not known, or null
 */
public record PolicySet(
    List<PolicyDocument> identity,
    PolicyDocument boundary,
    List<String> unresolved,
    String boundaryUnresolved) {
  public PolicySet {
    identity = List.copyOf(identity);
    unresolved = List.copyOf(unresolved);
  }
}
