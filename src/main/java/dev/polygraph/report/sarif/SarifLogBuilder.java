package dev.polygraph.report.sarif;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.LogicalLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.report.AbsentResult;
import dev.polygraph.report.BaselineState;
import dev.polygraph.report.Fingerprints;
import dev.polygraph.report.ScanReport;
import dev.polygraph.report.Triage;
import dev.polygraph.rules.RuleMeta;
import dev.polygraph.source.Span;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the SARIF object model for one scan in a single pass. The java-sarif POJOs are mutable, so
 * they never leave this package: the reporter builds, serializes and drops them. Some of java-sarif's
 * collections default to null rather than to an empty collection, so empty ones are never set: an
 * empty array would be written where the schema's default means the same.
 */
final class SarifLogBuilder {
  static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/polygraph-dev/polygraph";
  static final String SRCROOT = "%SRCROOT%";
  static final String FINGERPRINT_KEY = "polygraph/v1";

  private SarifLogBuilder() {}

  static SarifSchema210 build(ScanReport report) {
    Map<String, Integer> ruleIndexes = new HashMap<>();
    Set<ReportingDescriptor> rules = new LinkedHashSet<>();
    for (RuleMeta meta : report.rules()) {
      ruleIndexes.putIfAbsent(meta.id(), rules.size());
      rules.add(rule(meta));
    }

    List<Result> results = new ArrayList<>();
    for (Finding finding : report.findings()) {
      results.add(triaged(result(finding, ruleIndexes.get(finding.ruleId())), finding, report.triage()));
    }
    for (AbsentResult gone : report.triage().absent()) {
      // GitHub rejects a result without a location; another producer's baseline may have one.
      if (gone.location() != null) {
        results.add(absent(gone, ruleIndexes.get(gone.ruleId())));
      }
    }

    Run run =
        new Run()
            .withTool(
                new Tool()
                    .withDriver(
                        new ToolComponent()
                            .withName("polygraph")
                            .withVersion(report.toolVersion())
                            .withInformationUri(URI.create(INFORMATION_URI))
                            .withRules(rules)))
            .withInvocations(List.of(invocation(report)))
            .withResults(results)
            .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS);
    if (report.rootUri() != null) {
      OriginalUriBaseIds baseIds = new OriginalUriBaseIds();
      baseIds.setAdditionalProperty(SRCROOT, new ArtifactLocation().withUri(report.rootUri()));
      run.setOriginalUriBaseIds(baseIds);
    }

    return new SarifSchema210()
        .with$schema(URI.create(SCHEMA_URI))
        .withVersion(SarifSchema210.Version._2_1_0)
        .withRuns(List.of(run));
  }

  private static ReportingDescriptor rule(RuleMeta meta) {
    ReportingDescriptor rule =
        new ReportingDescriptor()
            .withId(meta.id())
            .withName(meta.name())
            .withShortDescription(text(meta.shortDescription()))
            .withFullDescription(text(meta.fullDescription()))
            .withDefaultConfiguration(
                new ReportingConfiguration().withLevel(configurationLevel(meta.level())));
    if (meta.help() != null) {
      // The help is Markdown written to read well as plain text too, so it serves as both.
      rule.setHelp(new MultiformatMessageString().withText(meta.help()).withMarkdown(meta.help()));
    }
    rule.setHelpUri(uriOrNull(meta.helpUri()));
    PropertyBag properties = new PropertyBag();
    if (!meta.tags().isEmpty()) {
      properties.setTags(new LinkedHashSet<>(meta.tags()));
    }
    if (meta.securitySeverity() != null) {
      properties.setAdditionalProperty("security-severity", meta.securitySeverity());
    }
    if (meta.precision() != null) {
      properties.setAdditionalProperty("precision", meta.precision());
    }
    rule.setProperties(properties);
    return rule;
  }

  private static Result result(Finding finding, Integer ruleIndex) {
    boolean open = finding.kind() == Finding.Kind.OPEN;
    Location location = location(finding.location().span(), finding.location().address());
    Set<Location> related = new LinkedHashSet<>();
    int id = 1;
    for (dev.polygraph.finding.Location place : finding.related()) {
      Location relatedLocation = location(place.span(), place.address()).withId(id++);
      if (place.message() != null) {
        relatedLocation.setMessage(new Message().withText(place.message()));
      }
      related.add(relatedLocation);
    }
    PartialFingerprints fingerprints = new PartialFingerprints();
    fingerprints.setAdditionalProperty(FINGERPRINT_KEY, Fingerprints.sha256Hex(finding.fingerprint()));

    Result result = new Result().withRuleId(finding.ruleId());
    if (ruleIndex != null) {
      // Without it (a rule outside rules[]), java-sarif's default -1 stands and is left out.
      result.setRuleIndex(ruleIndex);
    }
    return result
        .withKind(open ? Result.Kind.OPEN : Result.Kind.FAIL)
        // SARIF 2.1.0 §3.27.10: a result whose kind is not "fail" must have level "none".
        .withLevel(open ? Result.Level.NONE : resultLevel(finding.level()))
        .withMessage(new Message().withText(finding.message()))
        .withLocations(List.of(location))
        .withRelatedLocations(related.isEmpty() ? null : related)
        .withPartialFingerprints(fingerprints);
  }

  /** Adds what the suppress/baseline stage decided: {@code suppressions} and {@code baselineState}. */
  private static Result triaged(Result result, Finding finding, Triage triage) {
    triage
        .suppression(finding)
        .ifPresent(
            s -> {
              Suppression suppression =
                  new Suppression().withKind(Suppression.Kind.fromValue(s.kind().sarifName()));
              if (s.justification() != null) {
                suppression.setJustification(s.justification());
              }
              Set<Suppression> suppressions = new LinkedHashSet<>();
              suppressions.add(suppression);
              result.setSuppressions(suppressions);
            });
    triage.baselineState(finding).ifPresent(state -> result.setBaselineState(baselineState(state)));
    return result;
  }

  /** A baseline result that is gone: kept so viewers can show what was fixed, never counted. */
  private static Result absent(AbsentResult gone, Integer ruleIndex) {
    PartialFingerprints fingerprints = new PartialFingerprints();
    fingerprints.setAdditionalProperty(FINGERPRINT_KEY, gone.fingerprintHash());
    Result result = new Result().withRuleId(gone.ruleId());
    if (ruleIndex != null) {
      result.setRuleIndex(ruleIndex);
    }
    result
        .withKind(Result.Kind.FAIL)
        .withLevel(resultLevel(gone.level()))
        .withMessage(new Message().withText(gone.message()))
        .withPartialFingerprints(fingerprints)
        .withBaselineState(Result.BaselineState.ABSENT)
        .withLocations(List.of(location(gone.location().span(), gone.location().address())));
    return result;
  }

  private static Result.BaselineState baselineState(BaselineState state) {
    return Result.BaselineState.fromValue(state.id());
  }

  private static Invocation invocation(ScanReport report) {
    List<Notification> notifications = new ArrayList<>();
    for (dev.polygraph.report.Notification n : report.notifications()) {
      Notification notification =
          new Notification()
              .withLevel(Notification.Level.fromValue(n.level().id()))
              .withMessage(new Message().withText(n.message()));
      if (n.span() != null) {
        Set<Location> locations = new LinkedHashSet<>();
        locations.add(new Location().withPhysicalLocation(physicalLocation(n.span())));
        notification.setLocations(locations);
      }
      notifications.add(notification);
    }
    return new Invocation()
        .withExecutionSuccessful(report.executionSuccessful())
        .withToolExecutionNotifications(notifications.isEmpty() ? null : notifications);
  }

  private static Location location(Span span, String address) {
    Location location = new Location().withPhysicalLocation(physicalLocation(span));
    if (address != null) {
      Set<LogicalLocation> logical = new LinkedHashSet<>();
      logical.add(new LogicalLocation().withFullyQualifiedName(address).withKind("resource"));
      location.setLogicalLocations(logical);
    }
    return location;
  }

  private static PhysicalLocation physicalLocation(Span span) {
    // An empty span (start == end) stays an insertion point, endColumn == startColumn: SARIF
    // 2.1.0 §3.30.2 allows zero-length regions and the schema only asks endColumn >= 1.
    return new PhysicalLocation()
        .withArtifactLocation(
            new ArtifactLocation().withUri(RelativeUri.of(span.file())).withUriBaseId(SRCROOT))
        .withRegion(
            new Region()
                .withStartLine(span.startLine())
                .withStartColumn(span.startColumn())
                .withEndLine(span.endLine())
                .withEndColumn(span.endColumn()));
  }

  /** Rule metadata is checked by the catalogue's tests; a bad URI here costs the link, not the report. */
  private static URI uriOrNull(String uri) {
    if (uri == null) {
      return null;
    }
    try {
      return new URI(uri);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static MultiformatMessageString text(String text) {
    return text == null ? null : new MultiformatMessageString().withText(text);
  }

  private static Result.Level resultLevel(Level level) {
    return Result.Level.fromValue(level.id());
  }

  private static ReportingConfiguration.Level configurationLevel(Level level) {
    return ReportingConfiguration.Level.fromValue(level.id());
  }
}
