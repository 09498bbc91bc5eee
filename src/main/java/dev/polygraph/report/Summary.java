package dev.polygraph.report;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;

/**
 * The counts behind the last line of text output and the {@code summary} object of JSON output.
 * Undecided (open) findings count only as undecided, whatever their level; a proven finding at level
 * "none" (never made by the built-in rules) counts as a note, so every finding is counted once.
 * Suppressed findings are not counted here: they are hidden from text output and reported as such.
 */
public record Summary(int errors, int warnings, int notes, int undecided, int files) {

  public static Summary of(ScanReport report) {
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    int undecided = 0;
    for (Finding finding : report.findings()) {
      if (report.triage().suppressed(finding)) {
        continue;
      }
      if (finding.kind() == Finding.Kind.OPEN) {
        undecided++;
      } else if (finding.level() == Level.ERROR) {
        errors++;
      } else if (finding.level() == Level.WARNING) {
        warnings++;
      } else {
        notes++;
      }
    }
    return new Summary(errors, warnings, notes, undecided, report.filesScanned());
  }

  public int total() {
    return errors + warnings + notes + undecided;
  }
}
