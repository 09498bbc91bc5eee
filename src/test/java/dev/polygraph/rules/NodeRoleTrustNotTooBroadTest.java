package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.rules.Scene.SUBJECT;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.MapValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRoleTrustNotTooBroadTest {

  private final Rule rule = new NodeRoleTrustNotTooBroad();

  /** The EC2 statement on line 16 and a second statement on line 20. */
  private static RoleNode nodeRoleAlsoTrusting(MapValue second) {
    Span s = at(F, 14);
    PolicyDocument doc =
        G.policy(
            "trust policy",
            s,
            G.trustStatement(G.next(s, 2), "Allow", map(G.next(s, 3), "Service", "ec2.amazonaws.com"), "sts:AssumeRole"),
            second);
    return Scene.nodeRole().trust(doc).build();
  }

  @Test
  void onlyEc2Passes() {
    assertEquals(List.of(), Runs.run(rule, Runs.graph(Scene.classicNodeRole().build(), Scene.workers())));
  }

  @Test
  void anAccountRootFiresAtItsStatement() {
    Span stmt = at(F, 20);
    RoleNode role =
        nodeRoleAlsoTrusting(
            G.trustStatement(stmt, "Allow", map(G.next(stmt, 1), "AWS", "arn:aws:iam::111122223333:root"), "sts:AssumeRole"));
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.workers()));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        SUBJECT
            + " can be assumed by every principal of account 'arn:aws:iam::111122223333:root'; only the EC2"
            + " service should assume it.",
        f.message());
    assertEquals(Level.ERROR, f.level());
    assertEquals(stmt, f.location().span());
  }

  @Test
  void aBareAccountIdAndAWildcardFire() {
    Span stmt = at(F, 20);
    RoleNode account =
        nodeRoleAlsoTrusting(G.trustStatement(stmt, "Allow", map(G.next(stmt, 1), "AWS", "111122223333"), "sts:AssumeRole"));
    assertEquals(
        SUBJECT
            + " can be assumed by every principal of account '111122223333'; only the EC2 service should assume it.",
        Runs.run(rule, Runs.graph(account, Scene.workers())).get(0).message());

    RoleNode anyone = nodeRoleAlsoTrusting(G.map(stmt, "Effect", "Allow", "Principal", "*", "Action", "sts:AssumeRole"));
    assertEquals(
        SUBJECT + " can be assumed by anyone ('*'); only the EC2 service should assume it.",
        Runs.run(rule, Runs.graph(anyone, Scene.workers())).get(0).message());
  }

  @Test
  void theStacksOwnAccountRootFires() {
    Span stmt = at(F, 20);
    RoleNode role =
        nodeRoleAlsoTrusting(
            G.trustStatement(
                stmt,
                "Allow",
                map(G.next(stmt, 1), "AWS", G.sub(stmt, "arn:", G.partition(), ":iam::", G.account(), ":root")),
                "sts:AssumeRole"));
    assertEquals(
        SUBJECT
            + " can be assumed by every principal of account 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root';"
            + " only the EC2 service should assume it.",
        Runs.run(rule, Runs.graph(role, Scene.workers())).get(0).message());
  }

  @Test
  void notPrincipalWithAllowFires() {
    Span stmt = at(F, 20);
    RoleNode role =
        nodeRoleAlsoTrusting(
            G.map(stmt, "Effect", "Allow", "NotPrincipal", map(G.next(stmt, 1), "AWS", "arn:aws:iam::111122223333:role/x"),
                "Action", "sts:AssumeRole"));
    List<Finding> findings = Runs.run(rule, Runs.graph(role, Scene.workers()));

    assertEquals(1, findings.size());
    assertEquals(
        SUBJECT + " can be assumed by everyone but its 'NotPrincipal'; only the EC2 service should assume it.",
        findings.get(0).message());
    assertEquals(stmt, findings.get(0).location().span());
  }

  @Test
  void aDenyForEveryoneIsFine() {
    Span stmt = at(F, 20);
    RoleNode role = nodeRoleAlsoTrusting(G.map(stmt, "Effect", "Deny", "Principal", "*", "Action", "sts:AssumeRole"));
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.workers())));
  }
}
