package dev.polygraph.suppress;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.report.Notification;
import dev.polygraph.report.Suppression;
import dev.polygraph.rules.RuleMeta;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The suppress stage (DESIGN §2: rules → suppress/baseline → report). It matches the rules'
 * findings against the suppressions the user wrote, and judges the suppressions themselves:
 * POLY002 for one without a rule id or reason, POLY003 for one that suppresses nothing (like
 * ESLint's unused disable directives). Suppressed findings stay in the report, marked.
 */
public final class Suppressor {

  private final Set<String> ranRules;
  private final Set<String> knownRules;
  private final Optional<RuleMeta> incomplete;
  private final Optional<RuleMeta> unused;
  private final Map<String, Level> levels;

  /**
   * @param ranRules the rules that ran: a suppression of a rule that did not run is not "unused"
   * @param knownRules every rule id polygraph has
   * @param incomplete POLY002's metadata, or empty when that rule is off
   * @param unused POLY003's metadata, or empty when that rule is off
   * @param levels level overrides of the config
   */
  public Suppressor(
      Set<String> ranRules,
      Set<String> knownRules,
      Optional<RuleMeta> incomplete,
      Optional<RuleMeta> unused,
      Map<String, Level> levels) {
    this.ranRules = Set.copyOf(ranRules);
    this.knownRules = Set.copyOf(knownRules);
    this.incomplete = incomplete;
    this.unused = unused;
    this.levels = Map.copyOf(levels);
  }

  /**
   * @param findings the rules' findings followed by POLY002 and POLY003 findings (unsorted)
   * @param suppressions the suppressed findings
   * @param notifications config ignore entries that suppress nothing
   */
  public record Outcome(
      List<Finding> findings, Map<Finding, Suppression> suppressions, List<Notification> notifications) {}

  public Outcome apply(
      List<Finding> ruleFindings, List<SuppressionSource> sources, List<ExternalIgnore> ignores) {
    List<Directive> directives = new ArrayList<>();
    for (SuppressionSource source : sources) {
      directives.addAll(source.directives());
    }
    return applyDirectives(ruleFindings, directives, ignores);
  }

  Outcome applyDirectives(List<Finding> ruleFindings, List<Directive> directives, List<ExternalIgnore> ignores) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (ExternalIgnore ignore : ignores) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + ignore.pathGlob()));
    }
    Map<Finding, Suppression> suppressions = new LinkedHashMap<>();
    Set<Directive> usedDirectives = new LinkedHashSet<>();
    Set<ExternalIgnore> usedIgnores = new LinkedHashSet<>();
    for (Finding finding : ruleFindings) {
      Optional<Directive> inSource = directives.stream().filter(d -> d.covers(finding)).findFirst();
      if (inSource.isPresent()) {
        usedDirectives.add(inSource.get());
        suppressions.put(finding, inSource.get().suppression());
        continue;
      }
      for (int i = 0; i < ignores.size(); i++) {
        ExternalIgnore ignore = ignores.get(i);
        if (ignore.ruleId().equals(finding.ruleId())
            && matchers.get(i).matches(Path.of(finding.location().span().file()))) {
          usedIgnores.add(ignore);
          suppressions.put(finding, new Suppression(Suppression.Kind.EXTERNAL, ignore.reason()));
          break;
        }
      }
    }

    List<Finding> findings = new ArrayList<>(ruleFindings);
    for (Directive d : directives) {
      incomplete.flatMap(meta -> incompleteFinding(meta, d)).ifPresent(findings::add);
      if (!usedDirectives.contains(d) && d.ruleId() != null && judgeable(d.ruleId())) {
        unused.map(meta -> unusedFinding(meta, d)).ifPresent(findings::add);
      }
    }
    List<Notification> notifications = new ArrayList<>();
    for (ExternalIgnore ignore : ignores) {
      if (!usedIgnores.contains(ignore) && judgeable(ignore.ruleId())) {
        notifications.add(
            new Notification(
                Level.NOTE,
                "The config's ignore entry for rule '" + ignore.ruleId() + "' and path '"
                    + ignore.pathGlob() + "' suppresses nothing.",
                null));
      }
    }
    return new Outcome(findings, suppressions, notifications);
  }

  /** A suppression can be judged unused when its rule ran, or when no rule has its id at all. */
  private boolean judgeable(String ruleId) {
    return ranRules.contains(ruleId) || !knownRules.contains(ruleId);
  }

  private Optional<Finding> incompleteFinding(RuleMeta meta, Directive d) {
    if (d.ruleId() == null) {
      return Optional.of(
          finding(meta, d, "The suppression names no rule: write 'polygraph:ignore RULE reason'.",
              "none", "name the rule to silence and say why: polygraph:ignore EKS010 <reason>"));
    }
    if (d.reason() == null) {
      return Optional.of(
          finding(meta, d, "The suppression of '" + d.ruleId() + "' gives no reason.", d.ruleId(),
              "say why the finding is acceptable after the rule id: polygraph:ignore " + d.ruleId()
                  + " <reason>"));
    }
    return Optional.empty();
  }

  private Finding unusedFinding(RuleMeta meta, Directive d) {
    String message =
        knownRules.contains(d.ruleId())
            ? "The suppression of '" + d.ruleId() + "' suppresses nothing."
            : "The suppression of '" + d.ruleId() + "' suppresses nothing: no rule has that id.";
    return finding(meta, d, message, d.ruleId() + "|" + (d.reason() == null ? "" : d.reason()),
        "remove the suppression, or move it to the finding's line, the line above it or above its resource");
  }

  private Finding finding(RuleMeta meta, Directive d, String message, String detail, String help) {
    Level level = levels.getOrDefault(meta.id(), meta.level());
    Location at = new Location(d.span(), d.address(), null);
    String fingerprint =
        meta.id() + "|" + d.span().file() + "|" + (d.address() == null ? "" : d.address()) + "|" + detail;
    return new Finding(meta.id(), level, Finding.Kind.FAIL, message, at, List.of(), fingerprint, help);
  }
}
