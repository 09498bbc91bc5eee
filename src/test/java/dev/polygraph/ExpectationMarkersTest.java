package dev.polygraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationMarkersTest {

  @Test
  void inlineMarkerOnTheLineWhereTheFindingStarts() {
    String yaml = "Resources:\n  NodeRole:   # expect: EKS004\n    Type: AWS::IAM::Role\n";
    assertEquals(
        List.of(new Expectation("a.yaml", 2, 0, "EKS004", null)),
        ExpectationMarkers.inline("a.yaml", yaml));
  }

  @Test
  void inlineMarkerWithSeveralRulesColumnsAndFragments() {
    String yaml =
        "x: 1\n"
            + "      ManagedPolicyArns:  # expect: EKS003@7 'NodeRole', EKS004 'ecr:BatchGetImage, x',EKS010@9\n";
    assertEquals(
        List.of(
            new Expectation("t.yaml", 2, 7, "EKS003", "NodeRole"),
            new Expectation("t.yaml", 2, 0, "EKS004", "ecr:BatchGetImage, x"),
            new Expectation("t.yaml", 2, 9, "EKS010", null)),
        ExpectationMarkers.inline("t.yaml", yaml));
  }

  @Test
  void inlineMarkersCountLinesTheSameWithCrlf() {
    String yaml = "a: 1\r\nb: 2\r\nc: 3 # expect: POLY001@4\r\n";
    assertEquals(
        List.of(new Expectation("c.yaml", 3, 4, "POLY001", null)),
        ExpectationMarkers.inline("c.yaml", yaml));
  }

  @Test
  void hclCommentsCarryMarkersInsideBlocksAndJsonencode() {
    String tf =
        "resource \"aws_iam_role\" \"node\" { # expect: EKS004 'aws_iam_role.node'\n"
            + "  assume_role_policy = jsonencode({\n"
            + "    Version = \"2012-10-17\" # expect: EKS001@5\n"
            + "  })\n"
            + "}\n";
    assertEquals(
        List.of(
            new Expectation("main.tf", 1, 0, "EKS004", "aws_iam_role.node"),
            new Expectation("main.tf", 3, 5, "EKS001", null)),
        ExpectationMarkers.inline("main.tf", tf));
  }

  @Test
  void malformedInlineMarkersNameTheirFileAndLine() {
    IllegalArgumentException lowerCase =
        assertThrows(
            IllegalArgumentException.class,
            () -> ExpectationMarkers.inline("d.yaml", "a: 1\nb: 2 # expect: eks004\n"));
    assertEquals("d.yaml:2: malformed expect marker: 'eks004'", lowerCase.getMessage());
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () -> ExpectationMarkers.inline("d.yaml", "a: 1 # expect:\n"));
    assertEquals("d.yaml:1: empty expect marker", empty.getMessage());
    IllegalArgumentException trailing =
        assertThrows(
            IllegalArgumentException.class,
            () -> ExpectationMarkers.inline("d.yaml", "a: 1 # expect: EKS001 because\n"));
    assertEquals("d.yaml:1: malformed expect marker: 'EKS001 because'", trailing.getMessage());
  }

  @Test
  void expectFileLinesWithOptionalColumnAndFragment() {
    String expect =
        "# bad-role.json: the role lacks ECR\n"
            + "\n"
            + "34 EKS004 'eks-node-role'\n"
            + "  12:7 EKS003  \n";
    assertEquals(
        List.of(
            new Expectation("bad-role.json", 34, 0, "EKS004", "eks-node-role"),
            new Expectation("bad-role.json", 12, 7, "EKS003", null)),
        ExpectationMarkers.expectFile("bad-role.json", "bad-role.json.expect", expect));
  }

  @Test
  void malformedExpectFileLineNamesTheExpectFile() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ExpectationMarkers.expectFile("b.json", "b.json.expect", "# c\nEKS004 34\n"));
    assertEquals(
        "b.json.expect:2: expected 'line[:col] RULE ['fragment']', got 'EKS004 34'", e.getMessage());
  }

  @Test
  void comparisonReportsMissingAndUnexpectedBothWays() {
    Observed ecr = new Observed("a.yaml", 7, 7, "EKS004", "Role 'NodeRole' lacks 'ecr:BatchGetImage'.");
    Observed partition = new Observed("a.yaml", 9, 11, "EKS010", "Hard-coded 'arn:aws:'.");
    List<Expectation> expected =
        List.of(
            new Expectation("a.yaml", 7, 7, "EKS004", "NodeRole"),
            new Expectation("a.yaml", 8, 0, "EKS003", null));

    FixtureComparison comparison = FixtureComparison.of(expected, List.of(ecr, partition));

    assertFalse(comparison.matches());
    assertEquals(List.of(new Expectation("a.yaml", 8, 0, "EKS003", null)), comparison.missing());
    assertEquals(List.of(partition), comparison.unexpected());
    assertEquals(
        "  missing:    a.yaml:8 EKS003\n"
            + "  unexpected: a.yaml:9:11 EKS010 Hard-coded 'arn:aws:'.\n"
            + "  all findings:\n"
            + "    a.yaml:7:7 EKS004 Role 'NodeRole' lacks 'ecr:BatchGetImage'.\n"
            + "    a.yaml:9:11 EKS010 Hard-coded 'arn:aws:'.\n",
        comparison.describe(List.of(ecr, partition)));
  }

  @Test
  void columnAndFragmentMustMatchWhenGiven() {
    Observed finding = new Observed("a.yaml", 3, 5, "EKS001", "Role 'NodeRole' is not trusted.");
    assertTrue(new Expectation("a.yaml", 3, 5, "EKS001", "NodeRole").matches(finding));
    assertFalse(new Expectation("a.yaml", 3, 6, "EKS001", null).matches(finding));
    assertFalse(new Expectation("a.yaml", 3, 0, "EKS001", "Workers").matches(finding));
    assertFalse(new Expectation("b.yaml", 3, 0, "EKS001", null).matches(finding));
  }

  @Test
  void aPreciseExpectationIsPairedBeforeALooseOneOnTheSameLine() {
    Observed first = new Observed("a.yaml", 4, 7, "EKS004", "when 'UseEcr' is false.");
    Observed second = new Observed("a.yaml", 4, 7, "EKS004", "lacks 'ecr:BatchGetImage'.");
    // Listed loose first: were it paired first, it would take 'first' and leave 'UseEcr' unmatched.
    List<Expectation> expected =
        List.of(
            new Expectation("a.yaml", 4, 0, "EKS004", null),
            new Expectation("a.yaml", 4, 0, "EKS004", "UseEcr"));
    assertTrue(FixtureComparison.of(expected, List.of(first, second)).matches());
  }
}
