package dev.polygraph.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Level;
import dev.polygraph.report.Notification;
import dev.polygraph.report.ScanReport;
import dev.polygraph.source.ReadScope;
import dev.polygraph.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Terraform files a scan reads: a module is a directory, installed modules are not walked. */
class TerraformDiscoveryTest {

  @TempDir Path root;

  private void write(String name) throws IOException {
    Path p = root.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "");
  }

  private List<String> discover(List<String> exclude, String... given) throws IOException {
    List<Path> paths = java.util.Arrays.stream(given).map(root::resolve).toList();
    Discovery d = new Discovery(root, exclude, f -> Scanner.isCandidate(f), ReadScope.of(paths, List.of()));
    return d.discover(paths).files().stream()
        .map(SourceFile::name)
        .toList();
  }

  @Test
  void aTfFileGivenAloneBringsTheFilesTerraformReadsFromItsDirectory() throws IOException {
    for (String f :
        List.of("infra/iam.tf", "infra/variables.tf", "infra/terraform.tfvars", "infra/prod.auto.tfvars.json",
            "infra/dev.tfvars", "infra/other.tfvars.json", "infra/notes.md", "infra/sub/nested.tf",
            "infra/skipped.tf")) {
      write(f);
    }
    assertEquals(
        List.of("infra/iam.tf", "infra/prod.auto.tfvars.json", "infra/terraform.tfvars", "infra/variables.tf"),
        discover(List.of("infra/skipped.tf"), "infra/iam.tf"));
  }

  @Test
  void walkingADirectoryTakesTerraformFilesButNeverInstalledModules() throws IOException {
    for (String f :
        List.of("main.tf", "dev.tfvars", "x.tfvars.json", "legacy.tf.json", ".terraform/modules/eks/main.tf")) {
      write(f);
    }
    assertEquals(List.of("dev.tfvars", "legacy.tf.json", "main.tf", "x.tfvars.json"), discover(List.of(), "."));
  }

  @Test
  void terraformJsonSyntaxIsSkippedWithOneNote() throws IOException {
    write("a.tf.json");
    write("b/c.tf.json");
    ScanReport report = new Scanner(ScanOptions.defaults(root)).scan(List.of(root));
    assertEquals(
        List.of(
            new Notification(
                Level.NOTE,
                "Terraform JSON syntax (.tf.json) is not read yet; skipped 'a.tf.json', 'b/c.tf.json'.",
                null)),
        report.notifications());
    assertEquals(0, report.files().size());
  }
}
