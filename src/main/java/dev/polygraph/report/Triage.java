package dev.polygraph.report;

import dev.polygraph.finding.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the stage after the rules decided about the findings (DESIGN §2, suppress/baseline): which
 * are suppressed and how each compares with a baseline. Rules never see it; reporters and the exit
 * code do.
 *
 * @param suppressions the suppressed findings, with the suppression that applies
 * @param baseline each finding's state when a baseline was given; empty otherwise
 * @param absent results of the baseline that are gone
 * @param baselineGiven whether the scan was compared with a baseline
 */
public record Triage(
    Map<Finding, Suppression> suppressions,
    Map<Finding, BaselineState> baseline,
    List<AbsentResult> absent,
    boolean baselineGiven) {

  /** Nothing suppressed, no baseline. */
  public static final Triage NONE = new Triage(Map.of(), Map.of(), List.of(), false);

  public Triage {
    suppressions = Map.copyOf(suppressions);
    baseline = Map.copyOf(baseline);
    absent = List.copyOf(absent);
  }

  public Optional<Suppression> suppression(Finding finding) {
    return Optional.ofNullable(suppressions.get(finding));
  }

  public Optional<BaselineState> baselineState(Finding finding) {
    return Optional.ofNullable(baseline.get(finding));
  }

  public boolean suppressed(Finding finding) {
    return suppressions.containsKey(finding);
  }

  /** Whether the finding may decide the exit code: not suppressed, and new when a baseline was given. */
  public boolean counts(Finding finding) {
    return !suppressed(finding)
        && (!baselineGiven || baseline.get(finding) == BaselineState.NEW);
  }

  public Triage withSuppressions(Map<Finding, Suppression> newSuppressions) {
    return new Triage(newSuppressions, baseline, absent, baselineGiven);
  }

  public Triage withBaseline(Map<Finding, BaselineState> states, List<AbsentResult> gone) {
    return new Triage(suppressions, states, gone, true);
  }
}
