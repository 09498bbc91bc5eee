package dev.polygraph.rules;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.link.LinkedGraph;
import dev.polygraph.policy.ManagedPolicies;
import dev.polygraph.policy.PolicyEvaluator;
import java.util.List;
import dev.polygraph.source.InputProblem;
import java.util.function.Consumer;

/**
 * What one rule sees during one run, and where its findings go. Levels and fingerprints are decided
 * here, in one place, so rules only say what is wrong and where.
 */
public final class RuleContext {

  private final RuleMeta meta;
  private final LinkedGraph linked;
  private final RuleSettings settings;
  private final ManagedPolicies managedPolicies;
  private final PolicyEvaluator evaluator;
  private final Consumer<Finding> sink;
  private final List<InputProblem> inputProblems;

  public RuleContext(
      RuleMeta meta,
      LinkedGraph linked,
      RuleSettings settings,
      ManagedPolicies managedPolicies,
      PolicyEvaluator evaluator,
      List<InputProblem> inputProblems,
      Consumer<Finding> sink) {
    this.inputProblems = List.copyOf(inputProblems);
    this.meta = meta;
    this.linked = linked;
    this.settings = settings;
    this.managedPolicies = managedPolicies;
    this.evaluator = evaluator;
    this.sink = sink;
  }

  public RuleMeta meta() {
    return meta;
  }

  /** The graph as loaded: every node, as the loaders made it. */
  public PolicyGraph graph() {
    return linked.graph();
  }

  /** The graph as the link stage resolved it, once for the whole scan: edges and derived facts. */
  public LinkedGraph linked() {
    return linked;
  }

  public RuleSettings settings() {
    return settings;
  }

  public ManagedPolicies managedPolicies() {
    return managedPolicies;
  }

  public PolicyEvaluator evaluator() {
    return evaluator;
  }

  /** What the loaders could not read (rule POLY001 reports these). */
  public List<InputProblem> inputProblems() {
    return inputProblems;
  }

  /**
   * Reports a proven problem.
   *
   * @param at the most precise place that explains it; its address identifies the finding
   * @param detail what distinguishes this finding from others of the rule at the same address (the
   *     missing actions, the condition); part of the fingerprint, so never a line number
   * @param help the fix in one line, or null
   * @param assumed whether the rule had to assume something (IP family, where the CNI's permissions
   *     live); such findings are at most warnings and their message says what was assumed
   */
  public void fail(
      Location at, String message, List<Location> related, String detail, String help, boolean assumed) {
    Level level = settings.levels().getOrDefault(meta.id(), meta.level());
    if (assumed) {
      level = level.atMost(Level.WARNING);
    }
    sink.accept(
        new Finding(
            meta.id(), level, Finding.Kind.FAIL, message, at, related, fingerprint(at, detail), help));
  }

  /** Records a check the rule could not decide; reported only with {@code --report-undecided}. */
  public void undecided(Location at, String message, List<Location> related, String detail) {
    if (!settings.reportUndecided()) {
      return;
    }
    sink.accept(
        new Finding(
            meta.id(),
            Level.NOTE,
            Finding.Kind.OPEN,
            message,
            at,
            related,
            fingerprint(at, "undecided:" + detail),
            null));
  }

  private String fingerprint(Location at, String detail) {
    String address = at.address() != null ? at.address() : "";
    return meta.id() + "|" + at.span().file() + "|" + address + "|" + (detail == null ? "" : detail);
  }
}
