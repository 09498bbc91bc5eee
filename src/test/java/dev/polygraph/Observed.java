package dev.polygraph;

import dev.polygraph.finding.Finding;

/** What the runner compares of a finding: where it starts, its rule and its message. */
record Observed(String file, int line, int column, String ruleId, String message) {

  static Observed of(Finding finding) {
    var span = finding.location().span();
    return new Observed(
        span.file(), span.startLine(), span.startColumn(), finding.ruleId(), finding.message());
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + " " + ruleId + " " + message;
  }
}
