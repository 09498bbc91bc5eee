package dev.polygraph.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.report.ScanReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the scanner finds scripts and which rules speak about them. */
class ScannerShellTest {

  private static final String NODE_ROLE_WITHOUT_ECR =
      "aws iam create-role --role-name nodes --assume-role-policy-document file://trust.json\n"
          + "aws iam attach-role-policy --role-name nodes --policy-arn arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy\n"
          + "aws iam attach-role-policy --role-name nodes --policy-arn arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy\n";
  private static final String TRUST =
      "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
          + " \"Principal\": {\"Service\": \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}\n";

  @TempDir Path root;

  private List<String> scan(Path... paths) throws IOException {
    ScanReport report = new Scanner(ScanOptions.defaults(root), "test").scan(List.of(paths));
    return report.findings().stream().map(ScannerShellTest::show).toList();
  }

  private static String show(Finding f) {
    return f.location().span() + " " + f.ruleId();
  }

  @Test
  void anExtensionlessFileWithAShellShebangIsAScript() throws IOException {
    Files.createDirectories(root.resolve("bin"));
    Files.writeString(root.resolve("bin/make-node-role"), "#!/usr/bin/env bash\n" + NODE_ROLE_WITHOUT_ECR);
    Files.writeString(root.resolve("bin/trust.json"), TRUST);
    Files.writeString(root.resolve("bin/README"), "aws iam create-role --role-name x\n");
    assertEquals(List.of("bin/make-node-role:2:1 EKS004"), scan(root));
  }

  @Test
  void aScriptGivenAloneStillReadsTheFilesItPasses() throws IOException {
    Files.writeString(root.resolve("nodes.sh"), NODE_ROLE_WITHOUT_ECR);
    Files.writeString(root.resolve("trust.json"), TRUST.replace("ec2.amazonaws.com", "lambda.amazonaws.com"));
    assertEquals(List.of("nodes.sh:1:1 EKS004", "trust.json:1:1 EKS001"), scan(root.resolve("nodes.sh")));
  }

  @Test
  void hardCodedPartitionsAreNotReportedInScriptsButStillInTemplates() throws IOException {
    Files.writeString(root.resolve("nodes.sh"), NODE_ROLE_WITHOUT_ECR
            + "aws iam attach-role-policy --role-name nodes --policy-arn arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly\n");
    Files.writeString(root.resolve("trust.json"), TRUST);
    Files.writeString(
        root.resolve("template.yaml"),
        "Resources:\n  Other:\n    Type: AWS::IAM::Role\n    Properties:\n      ManagedPolicyArns:\n"
            + "        - arn:aws:iam::aws:policy/ReadOnlyAccess\n");
    assertEquals(List.of("template.yaml:6:11 EKS010"), scan(root));
  }
}
