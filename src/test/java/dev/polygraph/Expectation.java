package dev.polygraph;

/**
 * One finding a fixture expects.
 *
 * @param file the file's path relative to the case root, with forward slashes
 * @param column the expected start column, or 0 when the marker leaves it open
 * @param fragment text the message must contain, or null
 */
record Expectation(String file, int line, int column, String ruleId, String fragment) {

  boolean matches(Observed finding) {
    return file.equals(finding.file())
        && line == finding.line()
        && (column == 0 || column == finding.column())
        && ruleId.equals(finding.ruleId())
        && (fragment == null || finding.message().contains(fragment));
  }

  @Override
  public String toString() {
    return file
        + ":"
        + line
        + (column == 0 ? "" : ":" + column)
        + " "
        + ruleId
        + (fragment == null ? "" : " '" + fragment + "'");
  }
}
