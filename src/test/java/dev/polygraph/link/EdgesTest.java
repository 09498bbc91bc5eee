package dev.polygraph.link;

import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The linker turns every reference into a typed edge with its place and condition. */
class EdgesTest {

  private static final String F = "t.yaml";

  private final RoleNode role =
      G.role(F, "NodeRole", 5).trust(G.trustEc2(at(F, 7))).aws("AmazonEKSWorkerNodePolicy", 12).build();
  private final ClusterNode cluster =
      new ClusterNode(new NodeId(F, "Cluster"), span(F, 40, 3, 7), Guard.ALWAYS, Text.of("prod", at(F, 42)),
          Text.of("arn:aws:iam::111122223333:role/cluster-elsewhere", at(F, 43)), null, null);
  private final Value nodeRole = G.ifThen("Big", attr(F, "NodeRole", "Arn", at(F, 53)), G.noValue(at(F, 53)));
  private final NodeGroupNode ng =
      new NodeGroupNode(new NodeId(F, "Workers"), span(F, 50, 3, 7), Guard.of("WithNodes", true), null,
          attr(F, "Cluster", "Ref", at(F, 52)), nodeRole, attr(F, "Template", "Ref", at(F, 54)));

  @Test
  void eachAlternativeOfAReferenceIsAnEdgeUnderItsGuardAndWhatNamesNothingLeadsOutside() {
    LinkedGraph linked = Runs.link(Runs.graph(role, cluster, ng));
    Edges edges = linked.edges();

    assertEquals(
        List.of(new Edge(Edge.Kind.RUNS_AS, ng.id(), new Edge.Target.Node(role.id()), ng.id(), at(F, 53),
            Guard.of("WithNodes", true).and(Guard.of("Big", true)).orElseThrow())),
        edges.from(Edge.Kind.RUNS_AS, ng.id()));
    assertEquals(
        List.of(new Edge(Edge.Kind.BELONGS_TO, ng.id(), new Edge.Target.Node(cluster.id()), ng.id(), at(F, 52),
            Guard.of("WithNodes", true))),
        edges.from(Edge.Kind.BELONGS_TO, ng.id()));
    // The launch template is not in the scan; the cluster role is outside it.
    assertEquals(
        new Edge.Target.Outside(attr(F, "Template", "Ref", at(F, 54))),
        edges.from(Edge.Kind.USES_TEMPLATE, ng.id()).get(0).to());
    assertEquals(
        new Edge.Target.Outside(Text.of("arn:aws:iam::111122223333:role/cluster-elsewhere", at(F, 43))),
        edges.from(Edge.Kind.RUNS_AS, cluster.id()).get(0).to());
    assertEquals(List.of(), linked.clustersRunningAs(role));
  }

  @Test
  void aRoleTrustsItsTrustPolicyAndAttachesWhatItNamesAndWhatNamesIt() {
    PolicyAttachmentNode unknown =
        new PolicyAttachmentNode(new NodeId(F, "Attach"), span(F, 60, 3, 6), Guard.ALWAYS,
            List.of(Guarded.always(attr(F, "NodeRole", "Ref", at(F, 61)))), new Unknown("no default", at(F, 62)));
    Edges edges = Runs.link(Runs.graph(role, unknown)).edges();

    assertEquals(
        List.of(new Edge(Edge.Kind.TRUSTS, role.id(), new Edge.Target.Document(role.trust()), role.id(),
            role.trust().span(), Guard.ALWAYS)),
        edges.from(Edge.Kind.TRUSTS, role.id()));
    List<Edge> attaches = edges.from(Edge.Kind.ATTACHES, role.id());
    assertEquals(2, attaches.size());
    assertEquals(new Edge.Target.AwsManagedPolicy("AmazonEKSWorkerNodePolicy"), attaches.get(0).to());
    assertEquals(role.id(), attaches.get(0).by());
    assertEquals(new Edge.Target.Outside(new Unknown("no default", at(F, 62))), attaches.get(1).to());
    assertEquals(unknown.id(), attaches.get(1).by());
    assertEquals(unknown.span(), attaches.get(1).span());
  }

  @Test
  void profilesHoldRolesAndTemplatesUseProfiles() {
    InstanceProfileNode profile =
        new InstanceProfileNode(new NodeId(F, "Profile"), span(F, 10, 3, 7), Guard.ALWAYS, null,
            List.of(Guarded.always(attr(F, "NodeRole", "Ref", at(F, 12)))));
    LaunchTemplateNode lt =
        new LaunchTemplateNode(new NodeId(F, "Template"), span(F, 15, 3, 8), Guard.of("SelfManaged", true), null,
            attr(F, "Profile", "Arn", at(F, 17)), null);
    Edges edges = Runs.link(Runs.graph(role, profile, lt, ng)).edges();

    assertEquals(
        List.of(new Edge(Edge.Kind.CONTAINS, profile.id(), new Edge.Target.Node(role.id()), profile.id(), at(F, 12),
            Guard.ALWAYS)),
        edges.from(Edge.Kind.CONTAINS, profile.id()));
    assertEquals(
        List.of(new Edge(Edge.Kind.USES_PROFILE, lt.id(), new Edge.Target.Node(profile.id()), lt.id(), at(F, 17),
            Guard.of("SelfManaged", true))),
        edges.from(Edge.Kind.USES_PROFILE, lt.id()));
    assertEquals(List.of(ng.id()), edges.to(Edge.Kind.USES_TEMPLATE, lt.id()).stream().map(Edge::from).toList());
  }
}
