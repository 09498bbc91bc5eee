package dev.polygraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polygraph.finding.Level;
import dev.polygraph.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleMetadataTest {

  private static final String VALID =
      "id: EKS099\n"
          + "slug: node-role-example\n"
          + "name: NodeRoleExample\n"
          + "shortDescription: A node role must be an example.\n"
          + "fullDescription: >-\n"
          + "  Longer text\n"
          + "  folded.\n"
          + "help: |\n"
          + "  **Fix.** Do it.\n"
          + "helpUri: https://example.com/EKS099.md\n"
          + "level: warning\n"
          + "securitySeverity: \"5.0\"\n"
          + "precision: high\n"
          + "tags: [security, eks]\n"
          + "formats: [cfn, tf]\n"
          + "parameters:\n"
          + "  actions: [ec2:DescribeInstances, eks:DescribeCluster]\n"
          + "  prefix: \"arn:aws:\"\n";

  private static RuleMeta parse(String text) {
    return RuleMetadata.parse("EKS099", new SourceFile(Path.of("rules/EKS099.yaml"), "rules/EKS099.yaml", text));
  }

  private static String failure(String text) {
    return assertThrows(IllegalStateException.class, () -> parse(text)).getMessage();
  }

  @Test
  void readsEveryField() {
    RuleMeta meta = parse(VALID);
    assertEquals(
        new RuleMeta(
            "EKS099",
            "node-role-example",
            "NodeRoleExample",
            "A node role must be an example.",
            "Longer text folded.",
            "**Fix.** Do it.\n",
            "https://example.com/EKS099.md",
            Level.WARNING,
            "5.0",
            "high",
            List.of("security", "eks"),
            List.of("cfn", "tf"),
            Map.of(
                "actions", List.of("ec2:DescribeInstances", "eks:DescribeCluster"),
                "prefix", "arn:aws:")),
        meta);
  }

  @Test
  void missingKeyIsNamedWithTheFile() {
    assertEquals(
        "rules/EKS099.yaml:1: key 'help': missing",
        failure(VALID.replace("help: |\n  **Fix.** Do it.\n", "")));
  }

  @Test
  void badValuesAreNamedWithFileLineAndKey() {
    assertEquals(
        "rules/EKS099.yaml:3: key 'name': 'node-role-example' is not a PascalCase identifier",
        failure(VALID.replace("name: NodeRoleExample", "name: node-role-example")));
    assertEquals(
        "rules/EKS099.yaml:11: key 'level': level must be error, warning or note",
        failure(VALID.replace("level: warning", "level: fatal")));
    assertEquals(
        "rules/EKS099.yaml:12: key 'securitySeverity': '7' is not a number from 0.0 to 10.0 with one decimal",
        failure(VALID.replace("\"5.0\"", "7")));
    assertEquals(
        "rules/EKS099.yaml:14: key 'tags': expected a list",
        failure(VALID.replace("tags: [security, eks]", "tags: security")));
    assertEquals(
        "rules/EKS099.yaml:15: key 'formats': unknown format 'hcl'",
        failure(VALID.replace("formats: [cfn, tf]", "formats: [cfn, hcl]")));
    assertEquals(
        "rules/EKS099.yaml:1: key 'id': id 'EKS098' does not match the file name",
        failure(VALID.replace("id: EKS099", "id: EKS098")));
  }

  @Test
  void anIdIsNotAName() {
    assertEquals(
        "rules/EKS099.yaml:3: key 'name': 'EKS099' is not a PascalCase identifier",
        failure(VALID.replace("name: NodeRoleExample", "name: EKS099")));
  }

  @Test
  void unknownKeysAndDuplicateKeysAreRejected() {
    assertEquals(
        "rules/EKS099.yaml:19: unknown key 'serverity'", failure(VALID + "serverity: high\n"));
    assertEquals(
        "rules/EKS099.yaml:19: Duplicate key 'level' (first defined at line 11).",
        failure(VALID + "level: note\n"));
  }

  @Test
  void unparseableYamlIsReportedAtItsPosition() {
    assertEquals(
        "rules/EKS099.yaml:3: Expected ',' or ']', but found the end of the file while parsing a flow sequence.",
        failure("id: EKS099\nslug: [unclosed\n"));
  }

  @Test
  void missingResourceIsAProgrammingError() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> RuleMetadata.load("EKS999"));
    assertEquals("rules/EKS999.yaml: no such resource on the class path", e.getMessage());
  }
}
