package dev.polygraph.testkit;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.link.LinkedGraph;
import dev.polygraph.link.Linker;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.PolicyEvaluator;
import dev.polygraph.rules.Rule;
import dev.polygraph.rules.RuleContext;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.rules.RuleSettings;
import dev.polygraph.source.InputProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one rule over a hand-built graph, as the scanner would, and collects its findings. */
public final class Runs {

  public static final ManagedPolicies MANAGED = ManagedPolicies.load();

  // The catalogue's default levels (rules/*.yaml says the same).
  private static final Map<String, Level> LEVELS =
      Map.of("EKS007", Level.WARNING, "EKS009", Level.WARNING, "EKS010", Level.NOTE, "IAM002", Level.WARNING);

  private Runs() {}

  public static PolicyGraph graph(GraphNode... nodes) {
    PolicyGraph.Builder b = PolicyGraph.builder();
    for (GraphNode n : nodes) {
      b.add(n);
    }
    return b.build();
  }

  /** The graph linked as the scanner links it, with these settings. */
  public static LinkedGraph link(PolicyGraph graph, RuleSettings settings) {
    return Linker.link(graph, settings.link(), MANAGED, new PolicyEvaluator());
  }

  public static LinkedGraph link(PolicyGraph graph) {
    return link(graph, RuleSettings.DEFAULTS);
  }

  public static List<Finding> run(Rule rule, PolicyGraph graph) {
    return run(rule, graph, RuleSettings.DEFAULTS, List.of());
  }

  public static List<Finding> run(Rule rule, PolicyGraph graph, RuleSettings settings) {
    return run(rule, graph, settings, List.of());
  }

  public static List<Finding> run(
      Rule rule, PolicyGraph graph, RuleSettings settings, List<InputProblem> problems) {
    List<Finding> out = new ArrayList<>();
    RuleContext ctx =
        new RuleContext(
            meta(rule.id()),
            link(graph, settings),
            settings,
            MANAGED,
            new PolicyEvaluator(),
            problems,
            out::add);
    rule.check(ctx);
    return out;
  }

  /** Settings with --report-undecided. */
  public static RuleSettings undecided() {
    return new RuleSettings(Optional.empty(), Optional.empty(), List.of(), Map.of(), true);
  }

  public static RuleSettings ipFamily(String family) {
    return new RuleSettings(Optional.of(family), Optional.empty(), List.of(), Map.of(), false);
  }

  public static RuleSettings settings(String ipFamily, String cniRole, List<String> nodeRoles) {
    return new RuleSettings(
        Optional.ofNullable(ipFamily), Optional.ofNullable(cniRole), nodeRoles, Map.of(), false);
  }

  public static RuleMeta meta(String id) {
    return new RuleMeta(
        id, id.toLowerCase(), id, id, id, id, "https://example.invalid/" + id,
        LEVELS.getOrDefault(id, Level.ERROR), "5.0", "high", List.of(), List.of("cfn"), Map.of());
  }
}
