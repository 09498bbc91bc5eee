package dev.polygraph.link;

import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicySet;
import dev.polygraph.policy.Statement;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity policies and permissions boundary of each role, gathered from everywhere the graph
 * attaches them: the role's own inline policies and managed-policy ARNs, policy nodes that name the
 * role, and attachment resources that attach a managed policy to it. Each attachment keeps the guard under which it exists, so a role can be evaluated per
 * scenario.
 */
public final class Permissions {

  /**
   * One attached policy.
   *
   * @param document the document, or null when it cannot be known
   * @param unresolved why it cannot be known, or null
   * @param customer whether the document is written in the scan (inline or customer-managed)
   */
  public record Attachment(Guard guard, PolicyDocument document, String unresolved, boolean customer) {}

  private final Links links;
  private final ManagedPolicies managed;
  private final Map<NodeId, List<Attachment>> fromPolicyNodes = new HashMap<>();

  public Permissions(PolicyGraph graph, Links links, ManagedPolicies managed) {
    this.links = links;
    this.managed = managed;
    for (InlinePolicyNode p : graph.nodes(InlinePolicyNode.class)) {
      attachToRoles(p.roles(), p.guard(), p.document());
    }
    for (ManagedPolicyNode p : graph.nodes(ManagedPolicyNode.class)) {
      attachToRoles(p.roles(), p.guard(), p.document());
    }
    for (PolicyAttachmentNode p : graph.nodes(PolicyAttachmentNode.class)) {
      attachArnToRoles(p);
    }
  }

  /** The role's identity policies, wherever they are attached, each under its guard. */
  public List<Attachment> identity(RoleNode role) {
    List<Attachment> out = new ArrayList<>();
    for (Guarded<PolicyDocument> doc : role.inline()) {
      Guard g = NodeRoles.and(role.guard(), doc.guard());
      if (g != null) {
        out.add(new Attachment(g, doc.value(), null, true));
      }
    }
    for (Guarded<Value> arn : NodeRoles.items(role.managedPolicyArns())) {
      Guard g = NodeRoles.and(role.guard(), arn.guard());
      Attachment a = g == null ? null : resolveArn(arn.value(), g);
      if (a != null) {
        out.add(a);
      }
    }
    out.addAll(fromPolicyNodes.getOrDefault(role.id(), List.of()));
    return out;
  }

  /** The role's permissions boundary under each of its alternatives; empty when it has none. */
  public List<Attachment> boundary(RoleNode role) {
    List<Attachment> out = new ArrayList<>();
    if (role.boundary() == null || role.boundary().value() == null) {
      return out;
    }
    for (Guarded<Value> arn : NodeRoles.variants(role.boundary().value())) {
      Guard g = NodeRoles.and(role.guard(), role.boundary().guard(), arn.guard());
      Attachment a = g == null || arn.value() instanceof Absent ? null : resolveArn(arn.value(), g);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  /** What decides the role's permissions in one scenario. */
  public PolicySet of(RoleNode role, Scenario scenario) {
    List<PolicyDocument> identity = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (Attachment a : identity(role)) {
      if (!a.guard().holdsIn(scenario)) {
        continue;
      }
      if (a.document() != null) {
        identity.add(a.document());
      } else {
        unresolved.add(a.unresolved());
      }
    }
    PolicyDocument boundary = null;
    String boundaryUnresolved = null;
    for (Attachment a : boundary(role)) {
      if (a.guard().holdsIn(scenario)) {
        boundary = a.document();
        boundaryUnresolved = a.unresolved();
        break;
      }
    }
    return new PolicySet(identity, boundary, unresolved, boundaryUnresolved);
  }

  /**
   * Every guard that can change the role's permissions: of the role, its attachments and their
   * statements. {@link Scenario#enumerate} turns them into the scenarios to evaluate.
   */
  public Set<Guard> guards(RoleNode role) {
    Set<Guard> out = new LinkedHashSet<>();
    out.add(role.guard());
    List<Attachment> all = new ArrayList<>(identity(role));
    all.addAll(boundary(role));
    for (Attachment a : all) {
      out.add(a.guard());
      if (a.document() != null) {
        for (Statement s : a.document().statements()) {
          out.add(s.guard());
        }
      }
    }
    return out;
  }

  private void attachToRoles(List<Guarded<Value>> roles, Guard guard, PolicyDocument document) {
    for (Guarded<Value> item : NodeRoles.items(roles)) {
      Optional<RoleNode> role = links.role(item.value());
      if (role.isEmpty()) {
        continue;
      }
      Guard g = NodeRoles.and(guard, item.guard(), role.get().guard());
      if (g != null) {
        fromPolicyNodes
            .computeIfAbsent(role.get().id(), k -> new ArrayList<>())
            .add(new Attachment(g, document, null, true));
      }
    }
  }

  /** A policy attached by a resource of its own counts like an ARN in the role's managed policies. */
  private void attachArnToRoles(PolicyAttachmentNode p) {
    for (Guarded<Value> item : NodeRoles.items(p.roles())) {
      Optional<RoleNode> role = links.role(item.value());
      if (role.isEmpty()) {
        continue;
      }
      for (Guarded<Value> arn : NodeRoles.variants(p.policyArn())) {
        Guard g = NodeRoles.and(p.guard(), item.guard(), role.get().guard(), arn.guard());
        Attachment a = g == null || arn.value() instanceof Absent ? null : resolveArn(arn.value(), g);
        if (a != null) {
          fromPolicyNodes.computeIfAbsent(role.get().id(), k -> new ArrayList<>()).add(a);
        }
      }
    }
  }

  /** The attachment a managed-policy ARN makes, or null when it can never be in effect. */
  private Attachment resolveArn(Value arn, Guard guard) {
    if (arn instanceof Unknown u) {
      return new Attachment(guard, null, "a managed policy ARN is not known: " + u.reason(), false);
    }
    Optional<String> awsName = ManagedPolicies.awsManagedName(arn);
    if (awsName.isPresent()) {
      Optional<PolicyDocument> doc = managed.byName(awsName.get());
      return doc.map(d -> new Attachment(guard, d, null, false))
          .orElseGet(
              () ->
                  new Attachment(
                      guard, null, "AWS managed policy '" + awsName.get() + "' is not known to polygraph", false));
    }
    Optional<ManagedPolicyNode> node = links.managedPolicy(arn);
    if (node.isPresent()) {
      // A policy that exists only under a condition contradicting the attachment's is never attached.
      Guard g = NodeRoles.and(guard, node.get().guard());
      return g == null ? null : new Attachment(g, node.get().document(), null, true);
    }
    String shown = arn instanceof Text t ? t.display() : "?";
    return new Attachment(guard, null, "customer-managed policy '" + shown + "' is outside the scan", false);
  }
}
