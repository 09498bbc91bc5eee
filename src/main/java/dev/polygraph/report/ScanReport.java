package dev.polygraph.report;

import dev.polygraph.finding.Finding;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the reporters need from one scan, already in its final order.
 *
 * @param findings sorted by file, line, column, rule id, message
 * @param rules the rules that ran, sorted by id (SARIF {@code rules[]} comes from here)
 * @param files the files read, by name (for source lines in text output)
 * @param filesScanned how many input files were scanned
 * @param executionSuccessful false when an internal error was caught (a rule crashed)
 * @param rootUri the scan root as a {@code file:} URI ending in "/" (SARIF %SRCROOT%), or null to
 *     leave it out (golden tests, where the checkout's location must not show)
 * @param triage suppressions and baseline states of the findings ({@link Triage#NONE} for none)
 */
public record ScanReport(
    String toolVersion,
    List<Finding> findings,
    List<RuleMeta> rules,
    Map<String, SourceFile> files,
    List<Notification> notifications,
    int filesScanned,
    boolean executionSuccessful,
    String rootUri,
    Triage triage) {
  public ScanReport {
    Objects.requireNonNull(triage, "triage");
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
    files = Map.copyOf(files);
    notifications = List.copyOf(notifications);
  }

  /** A report of findings nothing was done to: none suppressed, no baseline. */
  public ScanReport(
      String toolVersion,
      List<Finding> findings,
      List<RuleMeta> rules,
      Map<String, SourceFile> files,
      List<Notification> notifications,
      int filesScanned,
      boolean executionSuccessful,
      String rootUri) {
    this(toolVersion, findings, rules, files, notifications, filesScanned, executionSuccessful, rootUri,
        Triage.NONE);
  }

  public ScanReport withTriage(Triage newTriage) {
    return new ScanReport(toolVersion, findings, rules, files, notifications, filesScanned,
        executionSuccessful, rootUri, newTriage);
  }

  /** The same report with more notifications (sorted by message, like the scanner's). */
  public ScanReport withNotifications(List<Notification> more) {
    List<Notification> all = new ArrayList<>(notifications);
    all.addAll(more);
    all.sort(Comparator.comparing(Notification::message));
    return new ScanReport(toolVersion, findings, rules, files, all, filesScanned, executionSuccessful,
        rootUri, triage);
  }
}
