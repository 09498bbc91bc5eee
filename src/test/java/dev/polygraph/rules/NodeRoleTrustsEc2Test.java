package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.rules.Scene.SUBJECT;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.map;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Symbol;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRoleTrustsEc2Test {

  private final Rule rule = new NodeRoleTrustsEc2();

  private static PolicyDocument trust(Object service, Object action) {
    Span s = at(F, 14);
    return G.policy(
        "trust policy", s, G.trustStatement(G.next(s, 2), "Allow", map(G.next(s, 3), "Service", service), action));
  }

  @Test
  void ec2MayAssumeTheRole() {
    assertEquals(List.of(), Runs.run(rule, Runs.graph(Scene.classicNodeRole().build(), Scene.workers())));
  }

  @Test
  void partitionSpellingsAndTheUrlSuffixAreAccepted() {
    for (Object service :
        List.of(
            "ec2.amazonaws.com.cn",
            G.sub(at(F, 17), "ec2.", new Symbol.Pseudo(Symbol.PseudoKind.URL_SUFFIX)),
            List.of("ssm.amazonaws.com", "ec2.amazonaws.com"))) {
      RoleNode role = Scene.nodeRole().trust(trust(service, "sts:AssumeRole")).build();
      assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.workers())), String.valueOf(service));
    }
  }

  @Test
  void anotherServiceOnlyFiresAtTheTrustPolicy() {
    RoleNode role = Scene.nodeRole().trust(trust("lambda.amazonaws.com", "sts:AssumeRole")).build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.workers()));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        SUBJECT
            + " does not let the EC2 service assume it: no Allow statement gives 'ec2.amazonaws.com'"
            + " 'sts:AssumeRole'.",
        f.message());
    assertEquals(Level.ERROR, f.level());
    assertEquals(at(F, 14), f.location().span());
    assertEquals("NodeRole", f.location().address());
    assertEquals(span(F, 50, 3, 7), f.related().get(0).span());
  }

  @Test
  void anotherActionFires() {
    RoleNode role = Scene.nodeRole().trust(trust("ec2.amazonaws.com", "sts:TagSession")).build();
    assertEquals(1, Runs.run(rule, Runs.graph(role, Scene.workers())).size());
    RoleNode wildcard = Scene.nodeRole().trust(trust("ec2.amazonaws.com", "sts:Assume*")).build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(wildcard, Scene.workers())));
  }

  @Test
  void noTrustPolicyFiresAtTheRole() {
    RoleNode role = G.role(F, "NodeRole", 10).build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.workers()));

    assertEquals(1, findings.size());
    assertEquals(
        SUBJECT + " has no trust policy, so the EC2 service cannot assume it.", findings.get(0).message());
    assertEquals(span(F, 10, 3, 8), findings.get(0).location().span());
  }

  @Test
  void trustOnlyUnderAConditionNamesTheOtherCase() {
    Span s = at(F, 14);
    PolicyDocument doc =
        G.policy(
            "trust policy",
            s,
            G.ifThen(
                "Ec2Nodes",
                G.trustStatement(G.next(s, 2), "Allow", map(G.next(s, 3), "Service", "ec2.amazonaws.com"), "sts:AssumeRole"),
                G.trustStatement(G.next(s, 2), "Allow", map(G.next(s, 3), "Service", "ssm.amazonaws.com"), "sts:AssumeRole")));
    RoleNode role = Scene.nodeRole().trust(doc).build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.workers()));

    assertEquals(1, findings.size());
    assertEquals(
        SUBJECT
            + " does not let the EC2 service assume it: no Allow statement gives 'ec2.amazonaws.com'"
            + " 'sts:AssumeRole' when 'Ec2Nodes' is false.",
        findings.get(0).message());
  }

  @Test
  void aRoleThatIsNoNodeRoleIsNotChecked() {
    RoleNode role = G.role(F, "LambdaRole", 10).trust(trust("lambda.amazonaws.com", "sts:AssumeRole")).build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role)));
  }
}
