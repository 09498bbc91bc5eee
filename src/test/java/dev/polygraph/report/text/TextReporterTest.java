package dev.polygraph.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.finding.Location;
import dev.polygraph.report.Notification;
import dev.polygraph.report.SampleReports;
import dev.polygraph.report.ScanReport;
import dev.polygraph.report.Summary;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReporterTest {
  private static final String FILE = "templates/t.yaml";

  @Test
  void findingWithSnippetRelatedNoteAndHelp() throws IOException {
    ScanReport sample = SampleReports.sample();
    ScanReport one =
        new ScanReport("0.1.0", List.of(sample.findings().get(3)), sample.rules(), sample.files(),
            List.of(), 14, true, null);
    assertEquals(
        "templates/nodes.yaml:8:7: error EKS003 Node role 'NodeInstanceRole' is not granted"
            + " 'AmazonEKSWorkerNodePolicy' permissions (missing: 'ec2:DescribeInstances',"
            + " 'eks:DescribeCluster').\n"
            + "    8 |       ManagedPolicyArns:\n"
            + "      |       ^~~~~~~~~~~~~~~~~\n"
            + "  note: templates/nodes.yaml:10:3: Node group 'Workers' runs as this role.\n"
            + "  note: templates/nodes.yaml:13:17\n"
            + "  help: add !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy\n"
            + "\n"
            + "1 error in 14 files\n",
        write(one));
  }

  @Test
  void tabsExpandTheSameWayInSourceAndCaretLine() throws IOException {
    assertEquals(
        "templates/t.yaml:1:7: error EKS001 Bad.\n"
            + "    1 |     key:    value\n"
            + "      |             ^~~~~\n",
        block("\tkey:\tvalue\n", new Span(FILE, 1, 7, 1, 12)));
  }

  @Test
  void surrogatePairTakesOneCell() throws IOException {
    assertEquals(
        "templates/t.yaml:1:4: error EKS001 Bad.\n"
            + "    1 | a\uD83D\uDD11b\n"
            + "      |   ^\n",
        block("a\uD83D\uDD11b\n", new Span(FILE, 1, 4, 1, 5)));
  }

  @Test
  void multiLineSpanIsUnderlinedToTheEndOfItsFirstLine() throws IOException {
    assertEquals(
        "templates/t.yaml:2:3: error EKS001 Bad.\n"
            + "    2 |   Role:\n"
            + "      |   ^~~~~\n",
        block("Resources:\r\n  Role:\r\n    Type: AWS::IAM::Role\r\n", new Span(FILE, 2, 3, 3, 25)));
  }

  @Test
  void emptySpanGetsOneCaret() throws IOException {
    assertEquals(
        "templates/t.yaml:1:5: error EKS001 Bad.\n"
            + "    1 | key: [\n"
            + "      |     ^\n",
        block("key: [\n", Span.point(FILE, 1, 5)));
  }

  @Test
  void spanPastTheEndOfTheLineMarksTheLineEnd() throws IOException {
    assertEquals(
        "templates/t.yaml:1:9: error EKS001 Bad.\n"
            + "    1 | key: [\n"
            + "      |       ^\n",
        block("key: [\n", Span.point(FILE, 1, 9)));
  }

  @Test
  void missingLineOrFilePrintsNoSnippet() throws IOException {
    assertEquals("templates/t.yaml:7:1: error EKS001 Bad.\n", block("one\ntwo\n", Span.point(FILE, 7, 1)));
    assertEquals("templates/t.yaml:1:1: error EKS001 Bad.\n", block(null, Span.point(FILE, 1, 1)));
  }

  @Test
  void controlCharactersFromInputsAreNotPrinted() throws IOException {
    Finding finding =
        new Finding("EKS001", Level.ERROR, Finding.Kind.FAIL, "Role '\u001b[31mX' is bad.",
            Location.at(new Span(FILE, 1, 1, 1, 4)), List.of(), "fp", null);
    ScanReport report =
        new ScanReport("0.1.0", List.of(finding), List.of(),
            Map.of(FILE, new SourceFile(Path.of(FILE), FILE, "a\u0007b\n")), List.of(), 1, true, null);
    assertEquals(
        "templates/t.yaml:1:1: error EKS001 Role '?[31mX' is bad.\n"
            + "    1 | a?b\n"
            + "      | ^~~\n"
            + "\n"
            + "1 error in 1 file\n",
        write(report));
  }

  @Test
  void undecidedFindingIsANote() throws IOException {
    ScanReport sample = SampleReports.sample();
    ScanReport one =
        new ScanReport("0.1.0", List.of(sample.findings().get(4)), sample.rules(), sample.files(),
            List.of(), 2, true, null);
    assertEquals(
        "templates/nodes.yaml:8:7: note EKS004 (undecided) Could not decide whether node role"
            + " 'NodeInstanceRole' can pull from Amazon ECR: 'TrustPolicy' is a parameter without a"
            + " default.\n"
            + "    8 |       ManagedPolicyArns:\n"
            + "      |       ^~~~~~~~~~~~~~~~~~\n"
            + "\n"
            + "1 undecided in 2 files\n",
        write(one));
  }

  @Test
  void emptyReportSaysNoProblemsThenNotifications() throws IOException {
    ScanReport report =
        new ScanReport("0.1.0", List.of(), List.of(), Map.of(),
            List.of(
                new Notification(Level.WARNING, "Skipped a binary file.", Span.fileStart("a b/c.bin")),
                new Notification(Level.ERROR, "Rule 'EKS003' crashed.", null)),
            3, false, null);
    assertEquals(
        "no problems in 3 files\n"
            + "polygraph: warning: Skipped a binary file. (a b/c.bin)\n"
            + "polygraph: error: Rule 'EKS003' crashed.\n",
        write(report));
  }

  @Test
  void summaryCountsWithSingularAndPlural() {
    assertEquals("no problems in 3 files", TextReporter.summary(new Summary(0, 0, 0, 0, 3)));
    assertEquals("no problems in 1 file", TextReporter.summary(new Summary(0, 0, 0, 0, 1)));
    assertEquals("1 error in 1 file", TextReporter.summary(new Summary(1, 0, 0, 0, 1)));
    assertEquals("2 errors, 1 warning in 14 files", TextReporter.summary(new Summary(2, 1, 0, 0, 14)));
    assertEquals(
        "1 error, 2 warnings, 1 note, 1 undecided in 2 files",
        TextReporter.summary(new Summary(1, 2, 1, 1, 2)));
    assertEquals("3 notes, 2 undecided in 0 files", TextReporter.summary(new Summary(0, 0, 3, 2, 0)));
  }

  /** The block for one error finding at {@code span} in a file with {@code text} (null: not read). */
  private static String block(String text, Span span) throws IOException {
    Finding finding =
        new Finding("EKS001", Level.ERROR, Finding.Kind.FAIL, "Bad.", Location.at(span), List.of(),
            "fp", null);
    Map<String, SourceFile> files =
        text == null ? Map.of() : Map.of(FILE, new SourceFile(Path.of(FILE), FILE, text));
    String out = write(new ScanReport("0.1.0", List.of(finding), List.of(), files, List.of(), 1, true, null));
    String tail = "\n1 error in 1 file\n";
    assertEquals(tail, out.substring(out.length() - tail.length()));
    return out.substring(0, out.length() - tail.length());
  }

  private static String write(ScanReport report) throws IOException {
    StringWriter out = new StringWriter();
    new TextReporter().write(report, out);
    return out.toString();
  }
}
