package dev.polygraph.report.text;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.report.AbsentResult;
import dev.polygraph.report.BaselineState;
import dev.polygraph.report.Notification;
import dev.polygraph.report.Reporter;
import dev.polygraph.report.ScanReport;
import dev.polygraph.report.Summary;
import dev.polygraph.report.Suppression;
import dev.polygraph.report.Triage;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiler-style output for people and pre-commit hooks: per finding a {@code file:line:col:} header,
 * the source line with the span underlined, related places as notes and the fix as help; then one
 * summary line and the run's notifications.
 *
 * <p>Control characters from the inputs (in messages, paths, source lines) are printed as "?" so
 * a hostile file can't send escape sequences to the terminal.
 */
public final class TextReporter implements Reporter {

  /**
   * Text output shows at most this many findings of one rule in one file, then how many more: a
   * generated file with thousands of findings must not bury the rest (SARIF and JSON keep all).
   */
  static final int MAX_PER_FILE_AND_RULE = 20;

  private final boolean showSuppressed;

  /** Hides suppressed findings (the summary counts them). */
  public TextReporter() {
    this(false);
  }

  /** @param showSuppressed print suppressed findings too, marked with their reason */
  public TextReporter(boolean showSuppressed) {
    this.showSuppressed = showSuppressed;
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    StringBuilder text = new StringBuilder();
    // Findings are sorted by file: the "and N more" lines of a file follow its last finding.
    Map<String, Integer> shown = new TreeMap<>();
    Map<String, Integer> more = new TreeMap<>();
    String file = null;
    for (Finding finding : report.findings()) {
      if (report.triage().suppressed(finding) && !showSuppressed) {
        continue; // hidden by default; SARIF and JSON keep them with their suppression
      }
      String here = finding.location().span().file();
      if (!here.equals(file)) {
        appendMore(file, more, text);
        shown.clear();
        file = here;
      }
      if (shown.merge(finding.ruleId(), 1, Integer::sum) > MAX_PER_FILE_AND_RULE) {
        more.merge(finding.ruleId(), 1, Integer::sum);
        continue;
      }
      appendFinding(report, finding, text);
      text.append('\n');
    }
    appendMore(file, more, text);
    for (AbsentResult gone : report.triage().absent()) {
      appendAbsent(gone, text);
    }
    if (!report.triage().absent().isEmpty()) {
      text.append('\n');
    }
    text.append(summary(Summary.of(report))).append(triageSummary(report)).append('\n');
    for (Notification notification : report.notifications()) {
      text.append("polygraph: ")
          .append(levelWord(notification.level()))
          .append(": ")
          .append(safe(notification.message()));
      if (notification.span() != null) {
        text.append(" (").append(safe(notification.span().file())).append(')');
      }
      text.append('\n');
    }
    out.write(text.toString());
    out.flush();
  }

  /** "… and 12 more 'IAM002' findings in 'p.json'." for each rule of a file past the cap; then clears. */
  private static void appendMore(String file, Map<String, Integer> more, StringBuilder text) {
    for (Map.Entry<String, Integer> e : more.entrySet()) {
      text.append("… and ").append(e.getValue()).append(" more '").append(e.getKey()).append("' finding")
          .append(e.getValue() == 1 ? "" : "s").append(" in '").append(safe(file))
          .append("' (SARIF and JSON output list them all).\n\n");
    }
    more.clear();
  }

  private static void appendFinding(ScanReport report, Finding finding, StringBuilder text) {
    Span span = finding.location().span();
    boolean open = finding.kind() == Finding.Kind.OPEN;
    text.append(position(span))
        .append(": ")
        .append(open ? "note" : levelWord(finding.level()))
        .append(' ')
        .append(finding.ruleId())
        .append(report.triage().baselineState(finding).map(s -> " [" + s.id() + "]").orElse(""))
        .append(report.triage().suppression(finding).map(TextReporter::suppressedMark).orElse(""))
        .append(open ? " (undecided) " : " ")
        .append(safe(finding.message()))
        .append('\n');
    for (String line : Snippet.of(span, report.files().get(span.file()))) {
      text.append(line).append('\n');
    }
    for (Location related : finding.related()) {
      text.append("  note: ").append(position(related.span()));
      if (related.message() != null) {
        text.append(": ").append(safe(related.message()));
      } else if (related.address() != null) {
        text.append(": '").append(safe(related.address())).append('\'');
      }
      text.append('\n');
    }
    if (finding.help() != null) {
      text.append("  help: ").append(safe(finding.help())).append('\n');
    }
  }

  private static String suppressedMark(Suppression s) {
    return s.justification() == null ? " [suppressed]" : " [suppressed: " + safe(s.justification()) + "]";
  }

  /** A result of the baseline that this scan no longer finds: one line, no snippet (the code changed). */
  private static void appendAbsent(AbsentResult gone, StringBuilder text) {
    if (gone.location() != null) {
      text.append(position(gone.location().span())).append(": ");
    }
    text.append(levelWord(gone.level()))
        .append(' ')
        .append(safe(gone.ruleId()))
        .append(" [absent] ")
        .append(safe(gone.message()))
        .append('\n');
  }

  /** " (2 suppressed)", " (baseline: 1 new, 3 unchanged, 0 updated, 1 absent)", both, or "". */
  static String triageSummary(ScanReport report) {
    Triage triage = report.triage();
    List<String> parts = new ArrayList<>();
    if (!triage.suppressions().isEmpty()) {
      parts.add(triage.suppressions().size() + " suppressed");
    }
    if (triage.baselineGiven()) {
      Map<BaselineState, Integer> counts = new EnumMap<>(BaselineState.class);
      for (BaselineState state : BaselineState.values()) {
        counts.put(state, 0);
      }
      for (Finding finding : report.findings()) {
        if (!triage.suppressed(finding)) {
          triage.baselineState(finding).ifPresent(s -> counts.merge(s, 1, Integer::sum));
        }
      }
      counts.put(BaselineState.ABSENT, triage.absent().size());
      List<String> states = new ArrayList<>();
      counts.forEach((state, n) -> states.add(n + " " + state.id()));
      parts.add("baseline: " + String.join(", ", states));
    }
    return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
  }

  static String summary(Summary summary) {
    List<String> parts = new ArrayList<>();
    count(parts, summary.errors(), "error", "errors");
    count(parts, summary.warnings(), "warning", "warnings");
    count(parts, summary.notes(), "note", "notes");
    count(parts, summary.undecided(), "undecided", "undecided");
    String files = summary.files() + (summary.files() == 1 ? " file" : " files");
    return (parts.isEmpty() ? "no problems" : String.join(", ", parts)) + " in " + files;
  }

  private static void count(List<String> parts, int n, String one, String many) {
    if (n > 0) {
      parts.add(n + " " + (n == 1 ? one : many));
    }
  }

  private static String position(Span span) {
    return safe(span.file()) + ":" + span.startLine() + ":" + span.startColumn();
  }

  /** "note" for NONE too: a finding or notification at level none is informational. */
  private static String levelWord(Level level) {
    return level == Level.NONE ? "note" : level.id();
  }

  private static String safe(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c)) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i);
        }
        out.append('?');
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}
