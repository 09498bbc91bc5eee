package dev.polygraph.suppress;

import dev.polygraph.finding.Finding;

/** Which findings a suppression is about, apart from the rule id. */
interface Target {
  boolean covers(Finding finding);

  /** A range of lines of one file: a finding is covered when it starts there. Empty when to < from. */
  record Lines(String file, int from, int to) implements Target {
    @Override
    public boolean covers(Finding finding) {
      var span = finding.location().span();
      return span.file().equals(file) && span.startLine() >= from && span.startLine() <= to;
    }
  }

  /**
   * A resource: the findings addressed to it, and those that start inside its definition (a
   * statement of its policy, a key of its properties).
   */
  record Resource(String file, String address, int from, int to) implements Target {
    @Override
    public boolean covers(Finding finding) {
      var span = finding.location().span();
      if (!span.file().equals(file)) {
        return false;
      }
      return address.equals(finding.location().address())
          || (span.startLine() >= from && span.startLine() <= to);
    }
  }
}
