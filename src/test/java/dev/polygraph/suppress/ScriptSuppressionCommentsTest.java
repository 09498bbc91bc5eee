package dev.polygraph.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suppression comments in a script, with the command and text spans its loader gives. */
class ScriptSuppressionCommentsTest {

  private static final String NAME = "make-role.sh";
  private static final SourceFile FILE =
      new SourceFile(
          null,
          NAME,
          String.join(
              "\n",
              "#!/bin/bash",
              "# polygraph:ignore EKS004 nodes pull from a mirror",
              "aws iam create-role \\",
              "  --role-name R \\",
              "  --assume-role-policy-document file://t.json",
              "cat >t.json <<EOF",
              "{ \"Sid\": \"# polygraph:ignore EKS001 not a comment\" }",
              "EOF",
              "echo '# polygraph:ignore EKS002 quoted'  # polygraph:ignore EKS003 trailing",
              ""));

  private static final List<Span> COMMANDS =
      List.of(new Span(NAME, 3, 1, 5, 46), new Span(NAME, 6, 1, 8, 1), new Span(NAME, 9, 1, 9, 40));
  private static final List<Span> TEXT =
      List.of(new Span(NAME, 6, 6, 6, 12), new Span(NAME, 7, 1, 8, 1), new Span(NAME, 9, 6, 9, 40));

  private static List<String> directives(List<Span> commands) {
    return SuppressionSource.script(FILE, commands, TEXT).directives().stream()
        .map(d -> d.ruleId() + " '" + d.reason() + "' " + d.target())
        .toList();
  }

  @Test
  void aCommentAboveACommandCoversItsContinuationLines() {
    assertEquals(
        List.of(
            "EKS004 'nodes pull from a mirror' " + new Target.Lines(NAME, 3, 5),
            "EKS003 'trailing' " + new Target.Lines(NAME, 9, 9)),
        directives(COMMANDS));
  }

  @Test
  void withoutCommandSpansACommentCoversOnlyTheLineBelow() {
    assertEquals(
        List.of(
            "EKS004 'nodes pull from a mirror' " + new Target.Lines(NAME, 3, 3),
            "EKS003 'trailing' " + new Target.Lines(NAME, 9, 9)),
        directives(List.of()));
  }
}
