package dev.polygraph.report.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.Suppression;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.report.Fingerprints;
import dev.polygraph.report.SampleReports;
import dev.polygraph.report.ScanReport;
import dev.polygraph.source.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Past GitHub code scanning's upload limits the SARIF is trimmed, most severe results kept, and says so. */
class UploadLimitsTest {
  private static final long TEN_MB = 10_000_000L;

  @Test
  void githubsDocumentedLimits() {
    assertEquals(new UploadLimits(25_000, 1_000, 10_000_000L), UploadLimits.GITHUB);
  }

  @Test
  void pastTheResultLimitKeepsTheMostSevereInTheirOrder() throws IOException {
    List<Finding> findings =
        List.of(
            finding(1, Level.NOTE, Finding.Kind.FAIL, 0),
            finding(2, Level.ERROR, Finding.Kind.FAIL, 0),
            finding(3, Level.ERROR, Finding.Kind.OPEN, 0),
            finding(4, Level.WARNING, Finding.Kind.FAIL, 0),
            finding(5, Level.ERROR, Finding.Kind.FAIL, 0),
            finding(6, Level.NOTE, Finding.Kind.FAIL, 0),
            finding(7, Level.WARNING, Finding.Kind.FAIL, 0));
    JsonNode run = run(report(findings), new UploadLimits(4, 1_000, TEN_MB));

    assertEquals(List.of("2 error", "4 warning", "5 error", "7 warning"), lineAndLevel(run));
    JsonNode notifications = run.at("/invocations/0/toolExecutionNotifications");
    assertEquals(1, notifications.size());
    assertEquals("warning", notifications.at("/0/level").asText());
    assertEquals(
        "Left out 3 of 7 results, the least severe (2 notes, 1 undecided), to stay within GitHub code"
            + " scanning's limit of 4 results per run; text and JSON output have them all.",
        notifications.at("/0/message/text").asText());
    assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean());
  }

  @Test
  void relatedLocationsPastThePerResultLimitAreCut() throws IOException {
    JsonNode run =
        run(report(List.of(finding(1, Level.ERROR, Finding.Kind.FAIL, 5), finding(2, Level.ERROR, Finding.Kind.FAIL, 2))),
            new UploadLimits(100, 3, TEN_MB));

    assertEquals("[1,2]", ids(run.at("/results/0/relatedLocations")));
    assertEquals("[1,2]", ids(run.at("/results/1/relatedLocations")));
    assertEquals(
        "Kept the first 2 related locations of 1 result that had more, within GitHub code scanning's"
            + " limit of 3 locations per result.",
        run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText());
  }

  @Test
  void pastTheSizeLimitKeepsAsManyOfTheMostSevereAsFit() throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (int i = 1; i <= 2_000; i++) {
      findings.add(finding(i, i % 10 == 0 ? Level.ERROR : Level.NOTE, Finding.Kind.FAIL, 1));
    }
    ScanReport report = report(findings);
    long full = gzipSize(write(report, UploadLimits.GITHUB));
    long limit = full / 2;

    String sarif = write(report, new UploadLimits(25_000, 1_000, limit));

    assertTrue(gzipSize(sarif) <= limit, gzipSize(sarif) + " > " + limit);
    JsonNode run = new ObjectMapper().readTree(sarif).at("/runs/0");
    List<String> kept = lineAndLevel(run);
    assertEquals(200, kept.stream().filter(r -> r.endsWith(" error")).count(), "every error is kept");
    assertTrue(kept.size() > 600, "most of the room is used: " + kept.size());
    Matcher m =
        Pattern.compile(
                "Left out (\\d+) of 2000 results, the least severe \\((\\d+) notes\\), to stay within GitHub"
                    + " code scanning's limit of " + limit + " bytes of gzip-compressed SARIF; text and JSON"
                    + " output have them all.")
            .matcher(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText());
    assertTrue(m.matches(), m.toString());
    assertEquals(2_000 - kept.size(), Integer.parseInt(m.group(1)));
    assertEquals(m.group(1), m.group(2));
    assertEquals(1, run.at("/invocations/0/toolExecutionNotifications").size());
  }

  @Test
  void suppressedResultsAreLeftOutBeforeAnyOther() {
    Result suppressedError = result(Result.Level.ERROR, "suppressed error");
    Set<Suppression> suppressions = new LinkedHashSet<>();
    suppressions.add(new Suppression().withKind(Suppression.Kind.IN_SOURCE).withJustification("test data"));
    suppressedError.setSuppressions(suppressions);
    Result open = result(Result.Level.NONE, "open").withKind(Result.Kind.OPEN);
    Result note = result(Result.Level.NOTE, "note");
    Result unset = result(null, "no level, so warning");
    Run run =
        new Run()
            .withInvocations(List.of(new Invocation().withExecutionSuccessful(true)))
            .withResults(new ArrayList<>(List.of(suppressedError, open, note, unset)));

    UploadLimits.keepMostSevere(run, 2, "for the test");

    assertEquals(List.of("note", "no level, so warning"),
        run.getResults().stream().map(r -> r.getMessage().getText()).toList());
    assertEquals(
        "Left out 2 of 4 results, the least severe (1 undecided, 1 suppressed), for the test; text and"
            + " JSON output have them all.",
        run.getInvocations().get(0).getToolExecutionNotifications().get(0).getMessage().getText());
  }

  private static Result result(Result.Level level, String message) {
    Result result = new Result().withMessage(new Message().withText(message));
    if (level != null) {
      result.setLevel(level);
    }
    return result;
  }

  @Test
  void withinTheLimitsTheLogIsUntouched() throws IOException {
    // The sample has 5 results, the most related locations of one is 2: exactly at these limits.
    String atLimits = write(SampleReports.sample(), new UploadLimits(5, 3, TEN_MB));
    assertEquals(write(SampleReports.sample(), UploadLimits.GITHUB), atLimits);
    assertEquals(
        "[\"Skipped a file larger than 5 MiB.\",\"Rule 'EKS010' is disabled by configuration.\"]",
        messages(new ObjectMapper().readTree(atLimits).at("/runs/0/invocations/0/toolExecutionNotifications")));
  }

  private static Finding finding(int line, Level level, Finding.Kind kind, int related) {
    List<Location> places = new ArrayList<>();
    for (int i = 1; i <= related; i++) {
      places.add(new Location(Span.point("nodes.yaml", line, i), null, "Place " + i + "."));
    }
    // A message unlike its neighbours', as real ones are, so that gzip cannot fold them together.
    String detail = Fingerprints.sha256Hex("detail " + line);
    return new Finding("EKS003", level, kind, "Finding " + detail + ".",
        Location.at(Span.point("nodes.yaml", line, 1)), places, "EKS003|" + detail, null);
  }

  private static ScanReport report(List<Finding> findings) {
    return new ScanReport("0.1.0", findings, SampleReports.rules(), Map.of(), List.of(), 1, true, null);
  }

  private static String write(ScanReport report, UploadLimits limits) throws IOException {
    StringWriter out = new StringWriter();
    new SarifReporter(limits).write(report, out);
    return out.toString();
  }

  private static JsonNode run(ScanReport report, UploadLimits limits) throws IOException {
    return new ObjectMapper().readTree(write(report, limits)).at("/runs/0");
  }

  private static List<String> lineAndLevel(JsonNode run) {
    List<String> out = new ArrayList<>();
    run.get("results").forEach(r -> out.add(
        r.at("/locations/0/physicalLocation/region/startLine").asInt() + " " + r.get("level").asText()));
    return out;
  }

  private static String ids(JsonNode locations) {
    List<Integer> ids = new ArrayList<>();
    locations.forEach(l -> ids.add(l.get("id").asInt()));
    return ids.toString().replace(" ", "");
  }

  private static String messages(JsonNode notifications) {
    List<String> out = new ArrayList<>();
    notifications.forEach(n -> out.add("\"" + n.at("/message/text").asText() + "\""));
    return "[" + String.join(",", out) + "]";
  }

  private static long gzipSize(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.size();
  }
}
