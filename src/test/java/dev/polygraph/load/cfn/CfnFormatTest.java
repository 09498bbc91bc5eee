package dev.polygraph.load.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.TreeResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CfnFormatTest {

  static SourceFile file(String name, String text) {
    return new SourceFile(Path.of(name), name, text);
  }

  static boolean isTemplate(String name, String text) {
    TreeResult result = CfnFormat.read(file(name, text));
    assertEquals(List.of(), result.problems(), name);
    return CfnFormat.isTemplate(result.root());
  }

  @Test
  void aTemplateVersionAloneMakesATemplate() {
    assertTrue(isTemplate("a.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nDescription: empty\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AWS::IAM::Role", "Custom::Thing", "Alexa::ASK::Skill", "AWS::Serverless::Function"})
  void resourcesWithACloudFormationTypeMakeATemplate(String type) {
    assertTrue(isTemplate("a.yml", "Resources:\n  Other: plain\n  Thing:\n    Type: " + type + "\n"));
    assertTrue(isTemplate("a.json", "{\"Resources\": {\"Thing\": {\"Type\": \"" + type + "\"}}}"));
  }

  @Test
  void packageJsonIsNotATemplate() {
    assertFalse(
        isTemplate(
            "package.json",
            "{\"name\": \"app\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"jest\"},"
                + " \"dependencies\": {\"aws-cdk-lib\": \"^2.0.0\"}}"));
  }

  @Test
  void anIamPolicyIsNotATemplate() {
    assertFalse(
        isTemplate(
            "policy.json",
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}"));
  }

  @Test
  void aKubernetesManifestIsNotATemplate() {
    assertFalse(
        isTemplate(
            "aws-auth.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: aws-auth\n  namespace: kube-system\n"
                + "data:\n  mapRoles: |\n    - rolearn: arn:aws:iam::111122223333:role/nodes\n"));
  }

  @Test
  void anEksctlClusterConfigIsNotATemplate() {
    assertFalse(
        isTemplate(
            "cluster.yaml",
            "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: dev\n  region: us-west-2\n"
                + "managedNodeGroups:\n  - name: ng-1\n    iam:\n      attachPolicyARNs:\n"
                + "        - arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy\n"));
  }

  @Test
  void aDockerComposeFileIsNotATemplate() {
    assertFalse(
        isTemplate(
            "docker-compose.yml",
            "services:\n  web:\n    image: nginx\n    ports: ['80:80']\nvolumes:\n  data: {}\n"));
  }

  @Test
  void resourcesWithoutACloudFormationTypeAreNotATemplate() {
    assertFalse(isTemplate("a.yaml", "Resources:\n  Thing:\n    Type: Terraform::Thing\n"));
    assertFalse(isTemplate("a.yaml", "Resources:\n  Thing:\n    Type: [AWS::IAM::Role]\n"));
    assertFalse(isTemplate("a.yaml", "Resources: [AWS::IAM::Role]\n"));
    assertFalse(isTemplate("a.yaml", "- AWSTemplateFormatVersion\n"));
    assertFalse(isTemplate("a.yaml", "AWS::IAM::Role\n"));
    assertFalse(CfnFormat.isTemplate(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.yaml", "t.yml", "t.json", "t.template", "t.tmpl", "dir/T.YAML", "T.Json", "x.TEMPLATE"})
  void candidatesAreKnownByExtension(String name) {
    assertTrue(CfnFormat.isCandidate(file(name, "")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.txt", "Dockerfile", "t.yaml.bak", "t.tf", "yaml", "t.jsonl"})
  void otherFilesAreNotCandidates(String name) {
    assertFalse(CfnFormat.isCandidate(file(name, "")));
  }

  @Test
  void jsonFilesAndBraceOpenedTemplatesAreReadAsJson() {
    // A comment is fine in YAML but not in JSON, so the problem shows which reader ran.
    String jsonWithComment = "\n  {\"Resources\": {}} # note\n";
    String jsonProblem = "Unexpected content after the end of the JSON value.";

    assertEquals(
        List.of(new InputProblem(Span.point("t.json", 2, 21), jsonProblem)),
        CfnFormat.read(file("t.json", jsonWithComment)).problems());
    assertEquals(
        List.of(new InputProblem(Span.point("t.template", 2, 21), jsonProblem)),
        CfnFormat.read(file("t.template", jsonWithComment)).problems());
    TreeResult yaml = CfnFormat.read(file("t.yaml", jsonWithComment));
    assertEquals(List.of(), yaml.problems());
    assertEquals(new Span("t.yaml", 2, 3, 2, 20), yaml.root().span());
  }

  @Test
  void templatesNotOpenedWithABraceAreReadAsYaml() {
    TreeResult result = CfnFormat.read(file("t.template", "# comment\nResources: {}\n"));

    assertEquals(List.of(), result.problems());
    assertEquals(new Span("t.template", 2, 1, 2, 14), result.root().span());
    assertNull(CfnFormat.read(file("t.template", "")).root());
  }
}
