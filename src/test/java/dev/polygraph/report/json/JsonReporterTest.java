package dev.polygraph.report.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.report.Notification;
import dev.polygraph.report.SampleReports;
import dev.polygraph.report.AbsentResult;
import dev.polygraph.report.BaselineState;
import dev.polygraph.report.ScanReport;
import dev.polygraph.report.Suppression;
import dev.polygraph.report.Triage;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReporterTest {

  @Test
  void findingWithEveryField() throws IOException {
    Finding finding =
        new Finding("EKS003", Level.WARNING, Finding.Kind.OPEN, "Node role 'R' may lack \"ec2:*\".",
            new Location(new Span("a/ü b.yaml", 2, 3, 4, 5), "R", null),
            List.of(new Location(Span.point("a/ü b.yaml", 9, 1), "NG", "Node group 'NG' uses it.")),
            "EKS003|R", "attach it");
    ScanReport report =
        new ScanReport("1.2.3", List.of(finding), SampleReports.rules(), Map.of(),
            List.of(new Notification(Level.ERROR, "Rule 'EKS009' crashed.", null)), 1, false, null,
            new Triage(
                Map.of(finding, new Suppression(Suppression.Kind.EXTERNAL, "tracked in JIRA-12")),
                Map.of(finding, BaselineState.UPDATED),
                List.of(new AbsentResult("EKS001", Level.ERROR, "Gone.", null, "ab12")),
                true));
    assertEquals(
        "{\n"
            + "  \"version\": 1,\n"
            + "  \"tool\": {\n"
            + "    \"name\": \"polygraph\",\n"
            + "    \"version\": \"1.2.3\"\n"
            + "  },\n"
            + "  \"findings\": [\n"
            + "    {\n"
            + "      \"ruleId\": \"EKS003\",\n"
            + "      \"level\": \"warning\",\n"
            + "      \"kind\": \"open\",\n"
            + "      \"message\": \"Node role 'R' may lack \\\"ec2:*\\\".\",\n"
            + "      \"location\": {\n"
            + "        \"file\": \"a/ü b.yaml\",\n"
            + "        \"startLine\": 2,\n"
            + "        \"startColumn\": 3,\n"
            + "        \"endLine\": 4,\n"
            + "        \"endColumn\": 5,\n"
            + "        \"address\": \"R\"\n"
            + "      },\n"
            + "      \"related\": [\n"
            + "        {\n"
            + "          \"file\": \"a/ü b.yaml\",\n"
            + "          \"startLine\": 9,\n"
            + "          \"startColumn\": 1,\n"
            + "          \"endLine\": 9,\n"
            + "          \"endColumn\": 1,\n"
            + "          \"address\": \"NG\",\n"
            + "          \"message\": \"Node group 'NG' uses it.\"\n"
            + "        }\n"
            + "      ],\n"
            + "      \"fingerprint\": \"7c73f200bcd32230f981f73f24afd2efe536de48b8910f1ca7b139947a3850fb\",\n"
            + "      \"help\": \"attach it\",\n"
            + "      \"suppression\": {\n"
            + "        \"kind\": \"external\",\n"
            + "        \"justification\": \"tracked in JIRA-12\"\n"
            + "      },\n"
            + "      \"baselineState\": \"updated\"\n"
            + "    }\n"
            + "  ],\n"
            + "  \"absent\": [\n"
            + "    {\n"
            + "      \"ruleId\": \"EKS001\",\n"
            + "      \"level\": \"error\",\n"
            + "      \"message\": \"Gone.\",\n"
            + "      \"location\": null,\n"
            + "      \"fingerprint\": \"ab12\"\n"
            + "    }\n"
            + "  ],\n"
            + "  \"notifications\": [\n"
            + "    {\n"
            + "      \"level\": \"error\",\n"
            + "      \"message\": \"Rule 'EKS009' crashed.\",\n"
            + "      \"location\": null\n"
            + "    }\n"
            + "  ],\n"
            + "  \"summary\": {\n"
            + "    \"errors\": 0,\n"
            + "    \"warnings\": 0,\n"
            + "    \"notes\": 0,\n"
            + "    \"undecided\": 0,\n"
            + "    \"files\": 1,\n"
            + "    \"suppressed\": 1\n"
            + "  }\n"
            + "}\n",
        write(report));
  }

  @Test
  void emptyReportKeepsEveryKey() throws IOException {
    assertEquals(
        "{\n"
            + "  \"version\": 1,\n"
            + "  \"tool\": {\n"
            + "    \"name\": \"polygraph\",\n"
            + "    \"version\": \"0.1.0\"\n"
            + "  },\n"
            + "  \"findings\": [],\n"
            + "  \"absent\": [],\n"
            + "  \"notifications\": [],\n"
            + "  \"summary\": {\n"
            + "    \"errors\": 0,\n"
            + "    \"warnings\": 0,\n"
            + "    \"notes\": 0,\n"
            + "    \"undecided\": 0,\n"
            + "    \"files\": 1,\n"
            + "    \"suppressed\": 0\n"
            + "  }\n"
            + "}\n",
        write(SampleReports.empty()));
  }

  @Test
  void sameReportGivesTheSameBytes() throws IOException {
    JsonReporter reporter = new JsonReporter();
    StringWriter first = new StringWriter();
    StringWriter second = new StringWriter();
    reporter.write(SampleReports.sample(), first);
    reporter.write(SampleReports.sample(), second);
    assertEquals(first.toString(), second.toString());
  }

  private static String write(ScanReport report) throws IOException {
    StringWriter out = new StringWriter();
    new JsonReporter().write(report, out);
    return out.toString();
  }
}
