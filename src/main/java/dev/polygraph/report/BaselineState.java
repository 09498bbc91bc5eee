package dev.polygraph.report;

import java.util.Locale;

/**
 * How a result compares with the baseline run ({@code --baseline}), SARIF's {@code baselineState}.
 * Lines and columns are not significant: a finding that moved with its resource is unchanged.
 */
public enum BaselineState {
  /** Not in the baseline: the only state that counts for the exit code. */
  NEW,
  /** In the baseline with the same message and level. */
  UNCHANGED,
  /** In the baseline (same fingerprint) with a different message or level. */
  UPDATED,
  /** In the baseline, not found any more; reported for the record, never counted. */
  ABSENT;

  /** SARIF's spelling: "new", "unchanged", "updated", "absent". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
