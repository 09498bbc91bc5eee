package dev.polygraph.suppress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.report.AbsentResult;
import dev.polygraph.report.BaselineState;
import dev.polygraph.report.Fingerprints;
import dev.polygraph.report.Notification;
import dev.polygraph.report.ScanReport;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of an earlier run ({@code --baseline FILE.sarif}), matched to this run's findings by
 * the {@code polygraph/v1} partial fingerprint. Any producer's SARIF is read: results without that
 * fingerprint cannot be matched and are left out (with a notification saying how many).
 */
public final class Baseline {

  /** The key of our fingerprint in SARIF's {@code partialFingerprints}. */
  public static final String FINGERPRINT_KEY = "polygraph/v1";

  private final List<AbsentResult> results;
  private final int unmatchable;
  private final String name;

  private Baseline(String name, List<AbsentResult> results, int unmatchable) {
    this.name = name;
    this.results = List.copyOf(results);
    this.unmatchable = unmatchable;
  }

  /** Reads a SARIF file; {@link BaselineException} when it is not readable JSON or not SARIF. */
  public static Baseline read(Path file) throws BaselineException {
    JsonNode root;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new ObjectMapper().readTree(in);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
      throw new BaselineException(file + ": not valid JSON (" + e.getOriginalMessage() + at + ")");
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot read the baseline (" + e.getMessage() + ")");
    }
    if (root == null || !root.path("runs").isArray()) {
      throw new BaselineException(file + ": not a SARIF log (no 'runs' array)");
    }
    List<AbsentResult> results = new ArrayList<>();
    int unmatchable = 0;
    for (JsonNode run : root.path("runs")) {
      for (JsonNode result : run.path("results")) {
        if ("absent".equals(result.path("baselineState").asText())) {
          continue; // already gone in that run: not part of its findings
        }
        JsonNode fingerprint = result.path("partialFingerprints").path(FINGERPRINT_KEY);
        if (!fingerprint.isTextual()) {
          unmatchable++;
          continue;
        }
        results.add(
            new AbsentResult(
                ruleId(result), level(result), result.path("message").path("text").asText(""),
                location(result), fingerprint.asText()));
      }
    }
    return new Baseline(file.toString(), results, unmatchable);
  }

  /** The report with every finding's baseline state, and the baseline's results that are gone. */
  public ScanReport compare(ScanReport report) {
    Map<String, Deque<AbsentResult>> byFingerprint = new LinkedHashMap<>();
    for (AbsentResult r : results) {
      byFingerprint.computeIfAbsent(r.fingerprintHash(), k -> new ArrayDeque<>()).add(r);
    }
    Map<Finding, BaselineState> states = new LinkedHashMap<>();
    for (Finding finding : report.findings()) {
      Deque<AbsentResult> candidates = byFingerprint.get(Fingerprints.sha256Hex(finding.fingerprint()));
      AbsentResult earlier = candidates == null ? null : candidates.poll();
      states.put(finding, earlier == null ? BaselineState.NEW : state(finding, earlier));
    }
    List<AbsentResult> gone = new ArrayList<>();
    byFingerprint.values().forEach(gone::addAll);
    ScanReport compared = report.withTriage(report.triage().withBaseline(states, gone));
    if (unmatchable == 0) {
      return compared;
    }
    return compared.withNotifications(
        List.of(
            new Notification(
                Level.WARNING,
                unmatchable + " result(s) of the baseline " + name + " have no '" + FINGERPRINT_KEY
                    + "' fingerprint and cannot be matched; they are left out.",
                null)));
  }

  /** Moving code is not a change: only a different message or level makes a result "updated". */
  private static BaselineState state(Finding finding, AbsentResult earlier) {
    boolean same =
        finding.message().equals(earlier.message())
            && (finding.kind() == Finding.Kind.OPEN || finding.level() == earlier.level());
    return same ? BaselineState.UNCHANGED : BaselineState.UPDATED;
  }

  private static String ruleId(JsonNode result) {
    String id = result.path("ruleId").asText("");
    return id.isEmpty() ? result.path("rule").path("id").asText("unknown") : id;
  }

  private static Level level(JsonNode result) {
    switch (result.path("level").asText("warning")) {
      case "error":
        return Level.ERROR;
      case "note":
        return Level.NOTE;
      case "none":
        return Level.NONE;
      default:
        return Level.WARNING; // SARIF's default level
    }
  }

  /** Where the baseline put the result, or null when it said nothing usable. */
  private static Location location(JsonNode result) {
    JsonNode location = result.path("locations").path(0);
    JsonNode physical = location.path("physicalLocation");
    String uri = physical.path("artifactLocation").path("uri").asText("");
    JsonNode region = physical.path("region");
    int startLine = region.path("startLine").asInt(0);
    if (uri.isEmpty() || startLine < 1) {
      return null;
    }
    int startColumn = region.path("startColumn").asInt(1);
    int endLine = region.path("endLine").asInt(startLine);
    int endColumn = region.path("endColumn").asInt(startColumn);
    String address = location.path("logicalLocations").path(0).path("fullyQualifiedName").asText(null);
    try {
      String file = URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
      return new Location(new Span(file, startLine, startColumn, endLine, endColumn), address, null);
    } catch (IllegalArgumentException e) {
      return null; // a region the Span type rejects: the result is kept without a place
    }
  }
}
