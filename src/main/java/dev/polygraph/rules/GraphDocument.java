package dev.polygraph.rules;

import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyGrammar;
import dev.polygraph.value.Guarded;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy document written in the scanned sources, with the node that holds it and what it is
 * for. AWS managed policies are not graph nodes, so the shipped documents are never among them.
 */
record GraphDocument(GraphNode node, PolicyDocument document, PolicyGrammar.Kind kind) {

  /** Every document of the graph: trust and inline policies of roles, standalone and managed policies. */
  static List<GraphDocument> all(PolicyGraph graph) {
    List<GraphDocument> out = new ArrayList<>();
    for (GraphNode node : graph.nodes()) {
      if (node instanceof RoleNode role) {
        if (role.trust() != null) {
          out.add(new GraphDocument(node, role.trust(), PolicyGrammar.Kind.TRUST));
        }
        for (Guarded<PolicyDocument> inline : role.inline()) {
          out.add(new GraphDocument(node, inline.value(), PolicyGrammar.Kind.IDENTITY));
        }
      } else if (node instanceof InlinePolicyNode p && p.document() != null) {
        out.add(new GraphDocument(node, p.document(), PolicyGrammar.Kind.IDENTITY));
      } else if (node instanceof ManagedPolicyNode p && p.document() != null) {
        out.add(new GraphDocument(node, p.document(), standaloneTrust(p) ? PolicyGrammar.Kind.TRUST
            : PolicyGrammar.Kind.IDENTITY));
      }
    }
    return out;
  }

  /**
   * A document that stands alone (a policy file no role claims: no name, attached to nothing) and
   * names principals is a trust policy waiting for its role, as IAM JSON loaders read it.
   */
  private static boolean standaloneTrust(ManagedPolicyNode p) {
    return p.name() == null
        && p.roles().isEmpty()
        && !p.document().statements().isEmpty()
        && p.document().statements().stream().allMatch(s -> s.principal() != null);
  }
}
