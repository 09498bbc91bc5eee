package dev.polygraph.link;

import dev.polygraph.graph.AccessEntryNode;
import dev.polygraph.graph.AddonNode;
import dev.polygraph.graph.AutoScalingGroupNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.PodIdentityAssociationNode;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns every reference the graph's nodes hold into an {@link Edge}, once: each alternative of a
 * reference (an {@code Fn::If}, a Terraform conditional) is an edge of its own under its guard, and
 * a reference that names nothing in the scan is an edge to {@link Edge.Target.Outside}, never
 * dropped. Edges come out in graph order, kind by kind, so everything built on them is
 * deterministic.
 */
final class EdgeBuilder {

  private final PolicyGraph graph;
  private final Links links;
  private final List<Edge> out = new ArrayList<>();

  private EdgeBuilder(PolicyGraph graph, Links links) {
    this.graph = graph;
    this.links = links;
  }

  static Edges build(PolicyGraph graph, Links links) {
    EdgeBuilder b = new EdgeBuilder(graph, links);
    b.all();
    return new Edges(b.out);
  }

  private void all() {
    // A role's own policies come before the policies that attach themselves to it (Permissions' order).
    for (RoleNode role : graph.roles()) {
      role(role);
    }
    for (InlinePolicyNode p : graph.nodes(InlinePolicyNode.class)) {
      attachesItself(p, p.roles());
    }
    for (ManagedPolicyNode p : graph.nodes(ManagedPolicyNode.class)) {
      attachesItself(p, p.roles());
    }
    for (PolicyAttachmentNode p : graph.nodes(PolicyAttachmentNode.class)) {
      attachment(p);
    }
    for (InstanceProfileNode p : graph.nodes(InstanceProfileNode.class)) {
      for (Guarded<Value> item : Guards.items(p.roles())) {
        edge(Edge.Kind.CONTAINS, p, item, this::role);
      }
    }
    for (LaunchTemplateNode lt : graph.nodes(LaunchTemplateNode.class)) {
      references(Edge.Kind.USES_PROFILE, lt, lt.instanceProfile(), this::instanceProfile);
    }
    for (AutoScalingGroupNode asg : graph.nodes(AutoScalingGroupNode.class)) {
      references(Edge.Kind.USES_TEMPLATE, asg, asg.launchTemplate(), this::launchTemplate);
    }
    for (ClusterNode c : graph.nodes(ClusterNode.class)) {
      references(Edge.Kind.RUNS_AS, c, c.roleArn(), this::role);
      references(Edge.Kind.NODES_RUN_AS, c, c.autoModeNodeRole(), this::role);
    }
    for (NodeGroupNode ng : graph.nodes(NodeGroupNode.class)) {
      references(Edge.Kind.BELONGS_TO, ng, ng.cluster(), this::cluster);
      references(Edge.Kind.RUNS_AS, ng, ng.nodeRole(), this::role);
      references(Edge.Kind.USES_TEMPLATE, ng, ng.launchTemplate(), this::launchTemplate);
    }
    for (AccessEntryNode e : graph.nodes(AccessEntryNode.class)) {
      references(Edge.Kind.BELONGS_TO, e, e.cluster(), this::cluster);
      references(Edge.Kind.NAMES, e, e.principalArn(), this::role);
    }
    for (AddonNode a : graph.nodes(AddonNode.class)) {
      addon(a);
    }
    for (PodIdentityAssociationNode p : graph.nodes(PodIdentityAssociationNode.class)) {
      references(Edge.Kind.BELONGS_TO, p, p.cluster(), this::cluster);
      references(Edge.Kind.RUNS_AS, p, p.role(), this::role);
      boolean awsNode =
          literal(p.namespace()).filter("kube-system"::equals).isPresent()
              && literal(p.serviceAccount()).filter("aws-node"::equals).isPresent();
      if (awsNode) {
        references(Edge.Kind.SERVES_CNI, p, p.role(), this::role);
      }
    }
  }

  private void role(RoleNode role) {
    if (role.trust() != null) {
      out.add(edge(Edge.Kind.TRUSTS, role, new Edge.Target.Document(role.trust()), role, role.trust().span(), role.guard()));
    }
    for (Guarded<PolicyDocument> doc : role.inline()) {
      Guard g = Guards.and(role.guard(), doc.guard());
      if (g != null) {
        out.add(edge(Edge.Kind.ATTACHES, role, new Edge.Target.Document(doc.value()), role, doc.value().span(), g));
      }
    }
    for (Guarded<Value> arn : Guards.items(role.managedPolicyArns())) {
      Guard g = Guards.and(role.guard(), arn.guard());
      if (g != null) {
        out.add(edge(Edge.Kind.ATTACHES, role, policy(arn.value()), role, arn.value().span(), g));
      }
    }
    if (role.boundary() != null && role.boundary().value() != null) {
      for (Guarded<Value> arn : Guards.variants(role.boundary().value())) {
        Guard g = Guards.and(role.guard(), role.boundary().guard(), arn.guard());
        if (g != null && !(arn.value() instanceof Absent)) {
          out.add(edge(Edge.Kind.BOUNDED_BY, role, policy(arn.value()), role, arn.value().span(), g));
        }
      }
    }
  }

  /** A policy that names its roles ({@code Roles}, {@code RoleName}) attaches itself to each. */
  private void attachesItself(GraphNode policy, List<Guarded<Value>> roles) {
    for (Guarded<Value> item : Guards.items(roles)) {
      Optional<RoleNode> role = links.role(item.value());
      Guard g = role.isEmpty() ? null : Guards.and(policy.guard(), item.guard(), role.get().guard());
      if (g != null) {
        out.add(
            edge(Edge.Kind.ATTACHES, role.get(), new Edge.Target.Node(policy.id()), policy, item.value().span(), g));
      }
    }
  }

  /** A policy attached by a resource of its own counts like an ARN in the role's managed policies. */
  private void attachment(PolicyAttachmentNode p) {
    for (Guarded<Value> item : Guards.items(p.roles())) {
      Optional<RoleNode> role = links.role(item.value());
      if (role.isEmpty()) {
        continue;
      }
      for (Guarded<Value> arn : Guards.variants(p.policyArn())) {
        Guard g = Guards.and(p.guard(), item.guard(), role.get().guard(), arn.guard());
        if (g != null && !(arn.value() instanceof Absent)) {
          out.add(edge(Edge.Kind.ATTACHES, role.get(), policy(arn.value()), p, p.span(), g));
        }
      }
    }
  }

  private void addon(AddonNode a) {
    references(Edge.Kind.BELONGS_TO, a, a.cluster(), this::cluster);
    List<Guarded<Value>> roles = new ArrayList<>(Guards.variants(a.serviceAccountRole()));
    roles.addAll(Guards.items(a.podIdentityRoles()));
    boolean vpcCni = literal(a.addonName()).filter("vpc-cni"::equals).isPresent();
    for (Guarded<Value> ref : roles) {
      edge(Edge.Kind.RUNS_AS, a, ref, this::role);
    }
    if (vpcCni) {
      for (Guarded<Value> ref : roles) {
        edge(Edge.Kind.SERVES_CNI, a, ref, this::role);
      }
    }
  }

  /** One edge per alternative of a reference the node holds; none when it holds none. */
  private void references(Edge.Kind kind, GraphNode from, Value ref, Function<Value, Edge.Target> resolve) {
    for (Guarded<Value> v : Guards.variants(ref)) {
      edge(kind, from, v, resolve);
    }
  }

  private void edge(Edge.Kind kind, GraphNode from, Guarded<Value> ref, Function<Value, Edge.Target> resolve) {
    if (ref.value() instanceof Absent) {
      return;
    }
    Guard g = Guards.and(from.guard(), ref.guard());
    if (g != null) {
      out.add(edge(kind, from, resolve.apply(ref.value()), from, ref.value().span(), g));
    }
  }

  private static Edge edge(Edge.Kind kind, GraphNode from, Edge.Target to, GraphNode by, Span span, Guard guard) {
    return new Edge(kind, from.id(), to, by.id(), span, guard);
  }

  private Edge.Target role(Value ref) {
    return node(links.role(ref), ref);
  }

  private Edge.Target instanceProfile(Value ref) {
    return node(links.instanceProfile(ref), ref);
  }

  private Edge.Target launchTemplate(Value ref) {
    return node(links.launchTemplate(ref), ref);
  }

  private Edge.Target cluster(Value ref) {
    return node(links.cluster(ref), ref);
  }

  /** What a managed-policy ARN names: an AWS managed policy, a policy of the scan, or something outside it. */
  private Edge.Target policy(Value arn) {
    if (arn instanceof Unknown) {
      return new Edge.Target.Outside(arn);
    }
    Optional<String> awsName = ManagedPolicies.awsManagedName(arn);
    if (awsName.isPresent()) {
      return new Edge.Target.AwsManagedPolicy(awsName.get());
    }
    return node(links.managedPolicy(arn), arn);
  }

  private static Edge.Target node(Optional<? extends GraphNode> found, Value ref) {
    return found.<Edge.Target>map(n -> new Edge.Target.Node(n.id())).orElseGet(() -> new Edge.Target.Outside(ref));
  }

  private static Optional<String> literal(Value v) {
    return v == null ? Optional.empty() : Values.literal(v);
  }
}
