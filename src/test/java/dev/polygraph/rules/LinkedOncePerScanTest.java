package dev.polygraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.finding.Finding;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.link.LinkedGraph;
import dev.polygraph.policy.PolicyEvaluator;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule of a scan reads one linked graph: node roles and permissions are derived once, and the
 * policy set of a role in a scenario is made once, whichever rules ask for it.
 */
class LinkedOncePerScanTest {

  @Test
  void theRulesOfOneScanShareTheLinkedGraphAndItsPolicySets() {
    PolicyGraph graph =
        Runs.graph(
            Scene.nodeRole("AmazonEKSWorkerNodePolicy")
                .managed(Guard.of("UseEcr", true), G.awsPolicyArn("AmazonEC2ContainerRegistryReadOnly", G.at(Scene.F, 22)))
                .build(),
            Scene.cluster("ipv4", false),
            Scene.workers());
    LinkedGraph linked = Runs.link(graph);
    List<RuleContext> seen = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();

    runAll(linked, seen, findings);
    int made = linked.permissions().setsMade();
    // Two scenarios (UseEcr true and false), one node role: EKS003 to EKS007 all evaluate them.
    assertEquals(2, made);
    assertTrue(findings.stream().anyMatch(f -> f.ruleId().equals("EKS004")), findings.toString());

    runAll(linked, seen, findings);
    assertEquals(made, linked.permissions().setsMade(), "a second pass makes no policy set again");
    seen.forEach(ctx -> assertSame(linked, ctx.linked()));
  }

  private static void runAll(LinkedGraph linked, List<RuleContext> seen, List<Finding> findings) {
    PolicyEvaluator evaluator = new PolicyEvaluator();
    for (Rule rule : Catalogue.all()) {
      RuleContext ctx =
          new RuleContext(
              Runs.meta(rule.id()), linked, RuleSettings.DEFAULTS, Runs.MANAGED, evaluator, List.of(), findings::add);
      seen.add(ctx);
      rule.check(ctx);
    }
  }
}
