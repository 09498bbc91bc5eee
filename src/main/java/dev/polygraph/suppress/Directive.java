package dev.polygraph.suppress;

import dev.polygraph.finding.Finding;
import dev.polygraph.report.Suppression;
import dev.polygraph.source.Span;
import java.util.Objects;

/**
 * One suppression as the user wrote it: a {@code polygraph:ignore} comment, an entry of a
 * CloudFormation resource's {@code Metadata}, or a config {@code ignore:} entry.
 *
 * @param ruleId the rule it silences, or null when the user named none (a POLY002 finding)
 * @param reason why, or null when none was given (a POLY002 finding; it still suppresses)
 * @param span where it is written, for POLY002 and POLY003 findings
 * @param address the resource it sits on, or null (part of POLY002/POLY003 fingerprints)
 */
record Directive(
    String ruleId, String reason, Span span, String address, Target target, Suppression.Kind kind) {

  Directive {
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
  }

  boolean covers(Finding finding) {
    return ruleId != null && ruleId.equals(finding.ruleId()) && target.covers(finding);
  }

  Suppression suppression() {
    return new Suppression(kind, reason);
  }
}
