package dev.polygraph.load.sh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptLayoutTest {

  private static final String SCRIPT =
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
          "echo '# x'  # trailing",
          "");

  private static final SourceFile FILE = new SourceFile(null, "make-role.sh", SCRIPT);

  /** "line:column-line:column" of each span, the end exclusive. */
  private static List<String> ranges(List<Span> spans) {
    return spans.stream()
        .map(s -> s.startLine() + ":" + s.startColumn() + "-" + s.endLine() + ":" + s.endColumn())
        .toList();
  }

  @Test
  void aCommandRunsOverItsContinuationLinesAndHereDocuments() {
    assertEquals(List.of("3:1-5:46", "6:1-8:1", "9:1-9:11"), ranges(ScriptLayout.of(FILE).commands()));
  }

  @Test
  void wordsRedirectionTargetsAndHereDocumentBodiesAreText() {
    assertEquals(
        List.of(
            "3:1-3:4", "3:5-3:8", "3:9-3:20", "4:3-4:14", "4:15-4:16", "5:3-5:32", "5:33-5:46",
            "6:1-6:4", "6:6-6:12", "7:1-8:1", "9:1-9:5", "9:6-9:11"),
        ranges(ScriptLayout.of(FILE).text()));
  }
}
