package dev.polygraph.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.report.Suppression;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.YamlTreeReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where each form of {@code polygraph:ignore} comment applies, read from the lines alone. */
class SuppressionCommentsTest {

  private static List<Directive> scan(String text) {
    SourceFile file = new SourceFile(Path.of("t.yaml"), "t.yaml", text);
    SourceBlocks blocks = SourceBlocks.of(YamlTreeReader.read(file).root());
    return SuppressionComments.scan(file, blocks, SuppressionComments.HASH);
  }

  private static Directive only(String text) {
    List<Directive> all = scan(text);
    assertEquals(1, all.size(), all.toString());
    return all.get(0);
  }

  @Test
  void aCommentAfterCodeCoversItsOwnLine() {
    Directive d = only("A:\n  B: 1  # polygraph:ignore EKS010 legacy stack\n  C: 2\n");
    assertEquals("EKS010", d.ruleId());
    assertEquals("legacy stack", d.reason());
    assertEquals(new Target.Lines("t.yaml", 2, 2), d.target());
    assertEquals(new Span("t.yaml", 2, 9, 2, 47), d.span());
    assertEquals(Suppression.Kind.IN_SOURCE, d.kind());
  }

  @Test
  void aCommentOnItsOwnLineCoversTheLineBelow() {
    Directive d = only("A:\n  # polygraph:ignore EKS010 legacy\n  B: 1\n  C: 2\n");
    assertEquals(new Target.Lines("t.yaml", 3, 3), d.target());
  }

  @Test
  void aCommentAboveABlockCoversTheWholeBlock() {
    String text =
        "Resources:\n"
            + "  # polygraph:ignore EKS001 trusted by hand\n"
            + "  NodeRole:\n"
            + "    Type: AWS::IAM::Role\n"
            + "    Properties:\n"
            + "      Path: /\n"
            + "  Other:\n"
            + "    Type: AWS::IAM::Role\n";
    assertEquals(new Target.Lines("t.yaml", 3, 6), only(text).target());
  }

  @Test
  void stackedCommentsAllCoverTheFirstLineOfCodeBelowThem() {
    List<Directive> all =
        scan("A:\n  # polygraph:ignore EKS010 one\n  # polygraph:ignore EKS003 two\n  B:\n    - x\n");
    assertEquals(List.of("EKS010", "EKS003"), all.stream().map(Directive::ruleId).toList());
    assertEquals(new Target.Lines("t.yaml", 4, 5), all.get(0).target());
    assertEquals(new Target.Lines("t.yaml", 4, 5), all.get(1).target());
  }

  @Test
  void aCommentAboveABlankLineCoversNothing() {
    Directive d = only("A:\n  # polygraph:ignore EKS010 why\n\n  B: 1\n");
    assertEquals(new Target.Lines("t.yaml", 3, 2), d.target());
  }

  @Test
  void theReasonEndsAtAnotherComment() {
    Directive d = only("A: 1  # polygraph:ignore EKS010 see ticket #42 # expect: POLY003\n");
    assertEquals("see ticket #42", d.reason());
  }

  @Test
  void aMissingReasonOrRuleIsRecordedAsSuch() {
    Directive noReason = only("A: 1  # polygraph:ignore EKS010\n");
    assertEquals("EKS010", noReason.ruleId());
    assertEquals(null, noReason.reason());
    Directive noRule = only("A: 1  # polygraph:ignore because we said so\n");
    assertEquals(null, noRule.ruleId());
    assertEquals("because we said so", noRule.reason());
    Directive empty = only("A: 1  #polygraph:ignore\n");
    assertEquals(null, empty.ruleId());
    assertEquals(null, empty.reason());
  }

  @Test
  void severalRulesShareOneReason() {
    List<Directive> all = scan("A: 1  # polygraph:ignore EKS003,EKS004 imported role\n");
    assertEquals(List.of("EKS003", "EKS004"), all.stream().map(Directive::ruleId).toList());
    assertEquals(List.of("imported role", "imported role"), all.stream().map(Directive::reason).toList());
  }

  @Test
  void textThatOnlyLooksLikeADirectiveIsNone() {
    assertEquals(List.of(), scan("A: \"x#polygraph:ignore EKS010 no\"\nB: polygraph:ignore\nC: 1 # polygraph:ignored\n"));
  }

  @Test
  void aMarkerInsideAStringOrBlockScalarIsText() {
    assertEquals(
        List.of(),
        scan("A: \"x # polygraph:ignore EKS010 no\"\nB: |\n  text\n  # polygraph:ignore EKS010 no\nC: 'y # polygraph:ignore EKS001 z'\n"));
    assertEquals(
        List.of("EKS001"),
        scan("A: \"x # polygraph:ignore EKS010 no\"  # polygraph:ignore EKS001 yes\n").stream()
            .map(Directive::ruleId).toList());
  }

  @Test
  void hclCommentsWithSlashesAreReadWhenTheFormatHasThem() {
    String hcl = "resource \"aws_iam_role\" \"node\" {\n  // polygraph:ignore EKS010 govcloud\n  name = \"n\"\n}\n";
    SourceFile file = new SourceFile(Path.of("main.tf"), "main.tf", hcl);
    List<Directive> all = SuppressionComments.scan(file, SourceBlocks.NONE, SuppressionComments.HASH_AND_SLASHES);
    assertEquals(1, all.size());
    assertEquals(new Target.Lines("main.tf", 3, 3), all.get(0).target());
    assertEquals(List.of(), SuppressionComments.scan(file, SourceBlocks.NONE, SuppressionComments.HASH));
  }
}
