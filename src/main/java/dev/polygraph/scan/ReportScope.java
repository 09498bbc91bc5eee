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
 * its related locations is in it (a role defined elsewhere that breaks the node group being
 * committed is still reported), or, for Terraform, when it lies in the same module directory.
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
    String file = finding.location().span().file();
    if (names.contains(file) || inCommittedModule(file, names)) {
      return true;
    }
    for (Location place : finding.related()) {
      if (names.contains(place.span().file())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Terraform reads a directory as one module: a changed {@code terraform.tfvars} or {@code
   * variables.tf} concerns what the module's other files make of it.
   */
  private static boolean inCommittedModule(String file, Set<String> names) {
    if (!isTerraform(file)) {
      return false;
    }
    String dir = directory(file);
    for (String name : names) {
      if (isTerraform(name) && directory(name).equals(dir)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTerraform(String file) {
    return file.endsWith(".tf") || file.endsWith(".tfvars") || file.endsWith(".tfvars.json");
  }

  private static String directory(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }
}
