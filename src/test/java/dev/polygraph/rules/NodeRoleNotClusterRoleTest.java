package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.map;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRoleNotClusterRoleTest {

  private final Rule rule = new NodeRoleNotClusterRole();

  private static ClusterNode clusterRunningAs(String roleAddress) {
    return new ClusterNode(
        new NodeId(F, "Cluster"), span(F, 40, 3, 7), Guard.ALWAYS, Text.of("prod", at(F, 42)),
        attr(F, roleAddress, "Arn", at(F, 45)), null, null);
  }

  @Test
  void separateRolesPass() {
    RoleNode clusterRole = G.role(F, "ClusterRole", 80).build();
    assertEquals(
        List.of(),
        Runs.run(rule, Runs.graph(Scene.classicNodeRole().build(), clusterRole, clusterRunningAs("ClusterRole"), Scene.workers())));
  }

  @Test
  void aNodeRoleThatIsAlsoTheClusterRoleFires() {
    List<Finding> findings =
        Runs.run(rule, Runs.graph(Scene.classicNodeRole().build(), clusterRunningAs("NodeRole"), Scene.workers()));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        "Role 'NodeRole' is the cluster role of cluster 'Cluster' and a node role (used by node group"
            + " 'Workers'); a node role can't be a cluster role.",
        f.message());
    assertEquals(Level.ERROR, f.level());
    assertEquals(span(F, 10, 3, 8), f.location().span());
    assertEquals(span(F, 40, 3, 7), f.related().get(0).span());
    assertEquals(span(F, 50, 3, 7), f.related().get(1).span());
  }

  @Test
  void anyRoleTrustingBothServicesFires() {
    Span s = at(F, 14);
    RoleNode role =
        G.role(F, "SharedRole", 10)
            .trust(
                G.policy(
                    "trust policy",
                    s,
                    G.trustStatement(
                        G.next(s, 2),
                        "Allow",
                        map(G.next(s, 3), "Service", List.of("eks.amazonaws.com", "ec2.amazonaws.com")),
                        "sts:AssumeRole")))
            .build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role));

    assertEquals(1, findings.size());
    assertEquals(
        "Role 'SharedRole' trusts both 'eks.amazonaws.com' and the EC2 service; a node role can't be a cluster role.",
        findings.get(0).message());
    assertEquals(span(F, 10, 3, 10), findings.get(0).location().span());
  }

  @Test
  void trustsUnderContradictingConditionsPass() {
    Span s = at(F, 14);
    RoleNode role =
        G.role(F, "SharedRole", 10)
            .trust(
                G.policy(
                    "trust policy",
                    s,
                    G.ifThen(
                        "IsCluster",
                        G.trustStatement(G.next(s, 2), "Allow", map(G.next(s, 3), "Service", "eks.amazonaws.com"), "sts:AssumeRole"),
                        G.trustStatement(G.next(s, 2), "Allow", map(G.next(s, 3), "Service", "ec2.amazonaws.com"), "sts:AssumeRole"))))
            .build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role)));
  }
}
