package dev.polygraph.link;

import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicySet;
import dev.polygraph.policy.Statement;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The identity policies and permissions boundary of each role, from the role's {@link
 * Edge.Kind#ATTACHES} and {@link Edge.Kind#BOUNDED_BY} edges: its own inline policies and
 * managed-policy ARNs, policy nodes that name the role, and attachment resources. Each attachment
 * keeps the guard under which it exists, so a role can be evaluated per scenario. Built once per
 * scan; the policy set of a role in a scenario is made once and shared by every rule.
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

  private record Key(NodeId role, Scenario scenario) {}

  private final ManagedPolicies managed;
  private final Function<NodeId, Optional<GraphNode>> nodes;
  private final Map<NodeId, List<Attachment>> identity = new HashMap<>();
  private final Map<NodeId, List<Attachment>> boundary = new HashMap<>();
  private final Map<Key, PolicySet> sets = new ConcurrentHashMap<>();
  private final AtomicInteger setsMade = new AtomicInteger();

  Permissions(Edges edges, Function<NodeId, Optional<GraphNode>> nodes, ManagedPolicies managed) {
    this.managed = managed;
    this.nodes = nodes;
    for (Edge e : edges.of(Edge.Kind.ATTACHES)) {
      attachment(e).ifPresent(a -> identity.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(a));
    }
    for (Edge e : edges.of(Edge.Kind.BOUNDED_BY)) {
      attachment(e).ifPresent(a -> boundary.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(a));
    }
  }

  /** The role's identity policies, wherever they are attached, each under its guard. */
  public List<Attachment> identity(RoleNode role) {
    return identity.getOrDefault(role.id(), List.of());
  }

  /** The role's permissions boundary under each of its alternatives; empty when it has none. */
  public List<Attachment> boundary(RoleNode role) {
    return boundary.getOrDefault(role.id(), List.of());
  }

  /** What decides the role's permissions in one scenario; made once per role and scenario. */
  public PolicySet of(RoleNode role, Scenario scenario) {
    return sets.computeIfAbsent(new Key(role.id(), scenario), k -> make(role, scenario));
  }

  /** How many policy sets were made so far (each role and scenario once, whoever asks). */
  public int setsMade() {
    return setsMade.get();
  }

  private PolicySet make(RoleNode role, Scenario scenario) {
    setsMade.incrementAndGet();
    List<PolicyDocument> docs = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (Attachment a : identity(role)) {
      if (!a.guard().holdsIn(scenario)) {
        continue;
      }
      if (a.document() != null) {
        docs.add(a.document());
      } else {
        unresolved.add(a.unresolved());
      }
    }
    PolicyDocument bound = null;
    String boundUnresolved = null;
    for (Attachment a : boundary(role)) {
      if (a.guard().holdsIn(scenario)) {
        bound = a.document();
        boundUnresolved = a.unresolved();
        break;
      }
    }
    return new PolicySet(docs, bound, unresolved, boundUnresolved);
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

  /** The attachment an edge makes, or empty when it can never be in effect. */
  private Optional<Attachment> attachment(Edge e) {
    if (e.to() instanceof Edge.Target.Document d) {
      return Optional.of(new Attachment(e.guard(), d.document(), null, true));
    }
    if (e.to() instanceof Edge.Target.AwsManagedPolicy p) {
      Optional<PolicyDocument> doc = managed.byName(p.name());
      return Optional.of(
          doc.map(d -> new Attachment(e.guard(), d, null, false))
              .orElseGet(
                  () ->
                      new Attachment(
                          e.guard(), null, "AWS managed policy '" + p.name() + "' is not known to polygraph", false)));
    }
    if (e.to() instanceof Edge.Target.Node n) {
      Optional<GraphNode> node = nodes.apply(n.id());
      PolicyDocument doc =
          node.map(
                  x -> x instanceof ManagedPolicyNode m ? m.document()
                      : x instanceof InlinePolicyNode i ? i.document() : null)
              .orElse(null);
      // A policy that exists only under a condition contradicting the attachment's is never attached.
      Guard g = node.isEmpty() ? null : Guards.and(e.guard(), node.get().guard());
      if (g == null) {
        return Optional.empty();
      }
      String unresolved = doc == null ? "the document of policy '" + n.id().address() + "' is not known" : null;
      return Optional.of(new Attachment(g, doc, unresolved, true));
    }
    Edge.Target.Outside outside = (Edge.Target.Outside) e.to();
    if (outside.reference() instanceof Unknown u) {
      return Optional.of(new Attachment(e.guard(), null, "a managed policy ARN is not known: " + u.reason(), false));
    }
    String shown = outside.reference() instanceof Text t ? t.display() : "?";
    return Optional.of(
        new Attachment(e.guard(), null, "customer-managed policy '" + shown + "' is outside the scan", false));
  }
}
