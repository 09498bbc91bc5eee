package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.ActionCatalog;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CniIpv6PolicyNotTooBroadTest {

  private static final Rule RULE = new CniIpv6PolicyNotTooBroad();

  private static List<Finding> run(PolicyDocument cni) {
    RoleNode role = Scene.nodeRole("AmazonEKSWorkerNodePolicy").inline(cni).build();
    return Runs.run(RULE, Runs.graph(role, Scene.cluster("ipv6", null), Scene.workers()));
  }

  private static List<String> six(String replacedDescribes) {
    List<String> actions = new ArrayList<>();
    actions.add("ec2:AssignIpv6Addresses");
    if (replacedDescribes == null) {
      actions.addAll(Cni.DESCRIBES);
    } else {
      actions.add(replacedDescribes);
    }
    return actions;
  }

  @Test
  void theUserGuidesPolicyPasses() {
    assertEquals(List.of(), run(Cni.ipv6Policy()));
  }

  @Test
  void createTagsOnEverythingFiresAtTheResourceKey() {
    List<Finding> findings = run(Cni.ipv6Policy(six(null), "*"));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        "In inline policy 'ipv6-cni' of role 'NodeRole', an Allow statement grants 'ec2:CreateTags' on '*';"
            + " the IPv6 VPC CNI needs it only on 'network-interface/*'.",
        f.message());
    assertEquals(Level.WARNING, f.level());
    assertEquals(span(F, 38, 3, 8), f.location().span());
    assertEquals("NodeRole", f.location().address());
  }

  @Test
  void aWildcardActionBeyondTheSixFiresAtTheActionKey() {
    List<Finding> findings = run(Cni.ipv6Policy(six("ec2:Describe*"), Cni.networkInterfaces()));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(span(F, 33, 3, 6), f.location().span());
    assertEquals(Level.WARNING, f.level());
    List<String> beyond =
        ActionCatalog.load().matching("ec2:Describe*").stream()
            .filter(a -> !Requirements.IPV6_CNI_ACTIONS.contains(a))
            .toList();
    assertEquals(
        "In inline policy 'ipv6-cni' of role 'NodeRole', the action 'ec2:Describe*' grants '"
            + beyond.get(0)
            + "' and "
            + (beyond.size() - 1)
            + " more actions beyond the six the IPv6 VPC CNI needs.",
        f.message());
  }

  @Test
  void notActionFiresAtItsKey() {
    PolicyDocument doc =
        G.policy(
            "inline policy 'ipv6-cni'",
            G.at(F, 30),
            G.map(
                G.at(F, 32), "Effect", "Allow", "NotAction", "iam:*", "Resource", "*"));
    List<Finding> findings = run(doc);

    assertEquals(2, findings.size());
    assertEquals(span(F, 34, 3, 8), findings.get(0).location().span());
    assertEquals(
        "In inline policy 'ipv6-cni' of role 'NodeRole', an Allow statement grants 'ec2:CreateTags' on '*';"
            + " the IPv6 VPC CNI needs it only on 'network-interface/*'.",
        findings.get(0).message());
    assertEquals(span(F, 33, 3, 9), findings.get(1).location().span());
    assertEquals(
        "In inline policy 'ipv6-cni' of role 'NodeRole', 'NotAction' grants every action it does not name beyond"
            + " the six the IPv6 VPC CNI needs.",
        findings.get(1).message());
  }

  @Test
  void aWildcardMatchingOnlyTheSixPasses() {
    List<String> actions = new ArrayList<>(Cni.DESCRIBES);
    actions.add("ec2:AssignIpv6*");
    assertEquals(List.of(), run(Cni.ipv6Policy(actions, Cni.networkInterfaces())));
  }

  @Test
  void aPolicyWithoutTheIpv6PermissionIsNoIpv6CniPolicy() {
    assertEquals(List.of(), run(Cni.ipv6Policy(Cni.DESCRIBES.subList(0, 1), "*")));
  }
}
