package dev.polygraph.report;

import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import java.util.Objects;

/**
 * A result of the baseline run that the current scan no longer finds. It comes from a SARIF file,
 * possibly of another producer's making, so it has only what that file said.
 *
 * @param fingerprintHash the published {@code polygraph/v1} fingerprint it was matched by
 * @param location where the baseline put it, or null when it gave no physical location
 */
public record AbsentResult(
    String ruleId, Level level, String message, Location location, String fingerprintHash) {
  public AbsentResult {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fingerprintHash, "fingerprintHash");
  }
}
