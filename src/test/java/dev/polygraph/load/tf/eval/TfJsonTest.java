package dev.polygraph.load.tf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.polygraph.load.tf.Render;
import dev.polygraph.load.tf.hcl.HclFiles;
import dev.polygraph.load.tf.hcl.HclResult;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TfJsonTest {

  private static final SourceFile POLICY = new SourceFile(null, "policies/node.json", """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}
        ]
      }
      """);

  private static final SourceFile TEMPLATE = new SourceFile(null, "policies/node.json.tpl", """
      {
        "Statement": [
      %{ for a in actions ~}
          {"Effect": "Allow", "Action": "${a}", "Resource": "${resource}"},
      %{ endfor ~}
          {"Effect": "Deny", "Action": "*", "Resource": "*"}
        ]
      }""");

  private final TfJson json = new TfJson();
  private final TfEvaluator evaluator = new TfEvaluator(new MapScope(TfEvaluatorTest.names(),
      Map.of("policies/node.json", POLICY, "policies/node.json.tpl", TEMPLATE), ""), json);

  private Value attribute(String hcl) {
    HclResult parsed = HclFiles.parse("main.tf", hcl);
    assertEquals(List.of(), parsed.problems());
    return evaluator.evaluate(parsed.body().attributes().get(0).value());
  }

  private static MapValue firstStatement(Value document) {
    MapValue doc = (MapValue) document;
    return (MapValue) ((ListValue) doc.get("Statement").orElseThrow()).items().get(0);
  }

  @Test
  void heredocJsonKeepsSymbolsAndTheTfFilePositions() {
    Value text = attribute("""
        policy = <<EOF
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Resource": "${aws_iam_role.node.arn}/*"}
          ]
        }
        EOF
        """);
    Value structure = json.structure(text);
    MapValue statement = firstStatement(structure);
    assertEquals("{Effect=\"Allow\", Resource=\"${aws_iam_role.node.arn}/*\"}", Render.of(statement));
    assertEquals(new Span("main.tf", 5, 6, 5, 14), statement.entries().get(0).keySpan());
    assertEquals(new Span("main.tf", 3, 3, 3, 12), ((MapValue) structure).entries().get(0).keySpan());
  }

  @Test
  void quotedJsonStringMapsToItsLine() {
    Value structure = json.structure(attribute("policy = \"{\\\"Version\\\": \\\"1\\\"}\"\n"));
    assertEquals("{Version=\"1\"}", Render.of(structure));
    assertEquals(new Span("main.tf", 1, 12, 1, 21), ((MapValue) structure).entries().get(0).keySpan());
  }

  @Test
  void encodedTextGivesBackTheStructureItEncodes() {
    Value encoded = attribute("policy = jsonencode({Version = \"2012-10-17\", Statement = []})\n");
    assertEquals("\"{\"Statement\":[],\"Version\":\"2012-10-17\"}\"", Render.of(encoded));
    Value structure = json.structure(encoded);
    assertEquals(new Span("main.tf", 1, 22, 1, 29), ((MapValue) structure).entries().get(0).keySpan());
    assertEquals("{Version=\"2012-10-17\", Statement=[]}", Render.of(structure));
  }

  @Test
  void fileTextParsesWithTheJsonFilesPositions() {
    Value text = attribute("policy = file(\"policies/node.json\")\n");
    assertEquals(new Span("main.tf", 1, 10, 1, 36), text.span());
    MapValue statement = firstStatement(json.structure(text));
    assertEquals("{Effect=\"Allow\", Action=\"ecr:GetAuthorizationToken\", Resource=\"*\"}", Render.of(statement));
    assertEquals(new Span("policies/node.json", 4, 6, 4, 14), statement.entries().get(0).keySpan());
  }

  @Test
  void templatefileRendersAJsonTemplateWithOnlyItsVariables() {
    Value text = attribute("policy = templatefile(\"policies/node.json.tpl\", "
        + "{actions = [\"s3:GetObject\", \"s3:PutObject\"], resource = aws_iam_role.node.arn})\n");
    Value structure = json.structure(text);
    assertEquals("{Statement=[{Effect=\"Allow\", Action=\"s3:GetObject\", Resource=\"${aws_iam_role.node.arn}\"}, "
        + "{Effect=\"Allow\", Action=\"s3:PutObject\", Resource=\"${aws_iam_role.node.arn}\"}, "
        + "{Effect=\"Deny\", Action=\"*\", Resource=\"*\"}]}", Render.of(structure));
  }

  @Test
  void templatefileSeesNoOuterNames() {
    assertEquals("?('resource' is not a name Terraform knows here)",
        Render.of(attribute("x = templatefile(\"policies/node.json.tpl\", {actions = [\"a\"]})\n")));
  }

  @Test
  void notJsonIsUnknownWithTheParserMessage() {
    assertEquals("?(not valid JSON: Unrecognized token 'x': expected a value at line 1 column 1)",
        Render.of(json.structure(attribute("policy = \"x\"\n"))));
  }

  @Test
  void structureOfAMapIsTheMapItself() {
    Value map = attribute("policy = {Version = \"1\"}\n");
    assertSame(map, json.structure(map));
  }
}
