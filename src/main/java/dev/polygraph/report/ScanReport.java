package dev.polygraph.report;

import dev.polygraph.finding.Finding;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.source.SourceFile;
import java.util.List;
import java.util.Map;

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
 */
public record ScanReport(
    String toolVersion,
    List<Finding> findings,
    List<RuleMeta> rules,
    Map<String, SourceFile> files,
    List<Notification> notifications,
    int filesScanned,
    boolean executionSuccessful,
    String rootUri) {
  public ScanReport {
    findings = List.copyOf(findings);
    rules = List.copyOf(rules);
    files = Map.copyOf(files);
    notifications = List.copyOf(notifications);
  }
}
