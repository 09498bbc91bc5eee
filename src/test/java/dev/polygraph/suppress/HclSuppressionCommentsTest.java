package dev.polygraph.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.load.tf.hcl.HclFiles;
import dev.polygraph.load.tf.hcl.HclLayout;
import dev.polygraph.load.tf.hcl.HclResult;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suppression comments in a Terraform file, with the block and text spans its parsed body gives. */
class HclSuppressionCommentsTest {

  private static final String NAME = "main.tf";

  private static List<String> directives(String... lines) {
    SourceFile file = new SourceFile(null, NAME, String.join("\n", lines) + "\n");
    HclResult parsed = HclFiles.parse(file);
    assertEquals(List.of(), parsed.problems());
    HclLayout layout = HclLayout.of(parsed.body());
    return SuppressionSource.hcl(file, layout.blocks(), layout.text()).directives().stream()
        .map(d -> d.ruleId() + " '" + d.reason() + "' " + d.target())
        .toList();
  }

  @Test
  void aCommentAboveAResourceBlockCoversEveryLineOfIt() {
    assertEquals(
        List.of("EKS004 'nodes pull from a mirror' " + new Target.Lines(NAME, 2, 5)),
        directives(
            "# polygraph:ignore EKS004 nodes pull from a mirror",
            "resource \"aws_iam_role\" \"node\" {",
            "  name = \"node\"",
            "  path = \"/\"",
            "}",
            "resource \"aws_iam_role\" \"other\" {}"));
  }

  @Test
  void slashCommentsWorkLikeHashCommentsOnTheirLineAndAboveAnAttribute() {
    assertEquals(
        List.of(
            "EKS010 'legacy' " + new Target.Lines(NAME, 3, 5),
            "EKS001 'trusted by hand' " + new Target.Lines(NAME, 6, 6)),
        directives(
            "resource \"aws_iam_role_policy_attachment\" \"a\" {",
            "  // polygraph:ignore EKS010 legacy",
            "  policy_arn = join(\"\", [",
            "    \"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy\",",
            "  ])",
            "  role = \"node\" # polygraph:ignore EKS001 trusted by hand",
            "}"));
  }

  @Test
  void markersInsideStringsAndHeredocsAreText() {
    assertEquals(
        List.of(),
        directives(
            "locals {",
            "  a = \"# polygraph:ignore EKS001 not a comment\"",
            "  b = <<-EOT",
            "    // polygraph:ignore EKS002 not a comment either",
            "    EOT",
            "  c = \"${var.x} // polygraph:ignore EKS003 still text\"",
            "}"));
  }

  @Test
  void theLayoutListsBlocksAttributesAndStrings() {
    SourceFile file = new SourceFile(null, NAME, "resource \"a\" \"b\" {\n  x = \"s\"\n}\n");
    HclLayout layout = HclLayout.of(HclFiles.parse(file).body());
    assertEquals(List.of(new Span(NAME, 1, 1, 3, 2), new Span(NAME, 2, 3, 2, 10)), layout.blocks());
    assertEquals(
        List.of(new Span(NAME, 1, 10, 1, 13), new Span(NAME, 1, 14, 1, 17), new Span(NAME, 2, 7, 2, 10)),
        layout.text());
  }
}
