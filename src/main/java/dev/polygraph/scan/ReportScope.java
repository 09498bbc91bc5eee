package dev.polygraph.scan;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Location;
import dev.polygraph.report.Notification;
import dev.polygraph.report.ScanReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Narrows a report to some files ({@code --report-only}), after the whole scan ran: a pre-commit
 * hook evaluates the whole repository, so that references across files resolve, but shows only
 * what concerns the files being committed. A finding concerns a file when its location or any of
 * its related locations is in it: a role defined elsewhere that breaks the node group being
 * committed is still reported.
 */
public final class ReportScope {
  private ReportScope() {}

  /**
   * The report with only the findings that concern {@code paths}, and the notifications about
   * those files or about no file at all.
   *
   * @param root the scan root (file names in the report are relative to it)
   * @param paths files as given on the command line, relative to the working directory or absolute
   */
  public static ScanReport only(ScanReport report, Path root, List<Path> paths) {
    Path base = root.toAbsolutePath().normalize();
    Set<String> names = new LinkedHashSet<>();
    for (Path p : paths) {
      names.add(Discovery.name(base, p.toAbsolutePath().normalize()));
    }
    List<Finding> findings = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (concerns(f, names)) {
        findings.add(f);
      }
    }
    List<Notification> notifications = new ArrayList<>();
    for (Notification n : report.notifications()) {
      if (n.span() == null || names.contains(n.span().file())) {
        notifications.add(n);
      }
    }
    return new ScanReport(
        report.toolVersion(),
        findings,
        report.rules(),
        report.files(),
        notifications,
        report.filesScanned(),
        report.executionSuccessful(),
        report.rootUri(),
        report.triage());
  }

  private static boolean concerns(Finding finding, Set<String> names) {
    if (names.contains(finding.location().span().file())) {
      return true;
    }
    for (Location place : finding.related()) {
      if (names.contains(place.span().file())) {
        return true;
      }
    }
    return false;
  }
}
