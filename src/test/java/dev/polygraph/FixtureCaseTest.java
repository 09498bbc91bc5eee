package dev.polygraph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureCaseTest {

  @TempDir Path temp;

  /** A Terraform folder case: its .tf, .tfvars and policy files, and a module's files below it. */
  private Path terraformCase() throws IOException {
    Path folder = temp.resolve("fixtures/EKS004/tf/bad-module");
    Files.createDirectories(folder.resolve("modules/nodes"));
    Files.writeString(folder.resolve("main.tf"), "module \"nodes\" {\n  source = \"./modules/nodes\"\n}\n");
    Files.writeString(folder.resolve("terraform.tfvars"), "ip_family = \"ipv6\" # expect: EKS006@13\n");
    Files.writeString(
        folder.resolve("modules/nodes/main.tf"),
        "resource \"aws_iam_role\" \"this\" { # expect: EKS004 'module.nodes.aws_iam_role.this'\n}\n");
    Files.writeString(folder.resolve("modules/nodes/policy.json"), "{\n  \"Version\": \"2012-10-17\"\n}\n");
    Files.writeString(folder.resolve("modules/nodes/heredoc.tf"), "locals {\n  p = <<EOF\n{}\nEOF\n}\n");
    Files.writeString(folder.resolve("modules/nodes/heredoc.tf.expect"), "# a heredoc line\n3 IAM001 'Version'\n");
    Files.writeString(folder.resolve("README.md"), "# expect: EKS001\n");
    return folder;
  }

  @Test
  void aTerraformFolderIsOneCaseWhoseTfAndTfvarsFilesCarryMarkers() throws IOException {
    Path folder = terraformCase();
    List<FixtureCase> cases = FixtureCase.discover(temp.resolve("fixtures"));
    assertEquals(List.of(new FixtureCase("EKS004/tf/bad-module", folder, folder)), cases);
    FixtureCase fixture = cases.get(0);
    assertEquals(
        List.of(
            folder.resolve("main.tf"),
            folder.resolve("modules/nodes/heredoc.tf"),
            folder.resolve("modules/nodes/main.tf"),
            folder.resolve("modules/nodes/policy.json"),
            folder.resolve("terraform.tfvars")),
        fixture.inputs());
    assertEquals(
        List.of(
            new Expectation("modules/nodes/heredoc.tf", 3, 0, "IAM001", "Version"),
            new Expectation("modules/nodes/main.tf", 1, 0, "EKS004", "module.nodes.aws_iam_role.this"),
            new Expectation("terraform.tfvars", 1, 13, "EKS006", null)),
        fixture.expectations());
  }

  @Test
  void theCrlfCopyKeepsTheModuleLayoutAndTurnsEveryTerraformFileToCrlf() throws IOException {
    terraformCase();
    FixtureCase fixture = FixtureCase.discover(temp.resolve("fixtures")).get(0);
    FixtureCase crlf = fixture.withCrlf(temp.resolve("crlf"));
    Path copy = temp.resolve("crlf/bad-module");
    assertEquals(copy, crlf.root());
    assertEquals(
        "module \"nodes\" {\r\n  source = \"./modules/nodes\"\r\n}\r\n",
        Files.readString(copy.resolve("main.tf")));
    assertEquals("ip_family = \"ipv6\" # expect: EKS006@13\r\n", Files.readString(copy.resolve("terraform.tfvars")));
    assertEquals(
        "locals {\r\n  p = <<EOF\r\n{}\r\nEOF\r\n}\r\n",
        Files.readString(copy.resolve("modules/nodes/heredoc.tf")));
    // Only the scan reads the copy; the markers are read from the original, .expect files included.
    try (Stream<Path> files = Files.walk(copy)) {
      assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".expect")).toList());
    }
  }

  @Test
  void aTerraformCaseHasNoJsonTwin() throws IOException {
    terraformCase();
    assertEquals(Map.of(), FixtureJsonTwins.all(temp.resolve("fixtures")));
  }
}
