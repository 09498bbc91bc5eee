package dev.polygraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every rule id with a {@code rules/ID.yaml} has complete metadata, its page under
 * {@code docs/rules/}, good and bad fixtures in each format it lists, and a row in the README's
 * rule table.
 */
class RuleFilesTest {

  private static final Path RULES = Path.of("rules");
  private static final Path DOCS = Path.of("docs/rules");
  private static final Path FIXTURES = Path.of("fixtures");
  /** The case files each format needs: YAML and JSON templates, shell scripts, Terraform folders. */
  private static final java.util.Map<String, List<String>> CASE_EXTENSIONS =
      java.util.Map.of("cfn", List.of(".yaml", ".json"), "sh", List.of(".sh"), "tf", List.of(".tf"));

  static List<String> ids() throws IOException {
    try (Stream<Path> files = Files.list(RULES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.matches("[A-Z]+[0-9]{3}\\.yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted()
          .toList();
    }
  }

  @Test
  void theRuleFilesCoverTheCatalogueOfTheDesign() throws IOException {
    assertEquals(
        List.of(
            "EKS001", "EKS002", "EKS003", "EKS004", "EKS005", "EKS006", "EKS007", "EKS008",
            "EKS009", "EKS010", "IAM001", "IAM002", "POLY001", "POLY002", "POLY003"),
        ids());
  }

  @Test
  void everyRuleFileLoadsWithDistinctNamesAndSlugs() throws IOException {
    List<RuleMeta> all = RuleMetadata.loadAll(ids());
    Set<String> names = new HashSet<>();
    Set<String> slugs = new HashSet<>();
    for (RuleMeta meta : all) {
      assertNotEquals(meta.id(), meta.name());
      assertTrue(names.add(meta.name()), "name used twice: " + meta.name());
      assertTrue(slugs.add(meta.slug()), "slug used twice: " + meta.slug());
      assertEquals(
          "https://github.com/polygraph-dev/polygraph/blob/main/docs/rules/" + meta.id() + ".md",
          meta.helpUri());
      assertTrue(meta.shortDescription().endsWith("."), meta.id() + ": shortDescription is a sentence");
      assertTrue(meta.fullDescription().endsWith("."), meta.id() + ": fullDescription is a sentence");
      assertTrue(meta.help().contains("```yaml"), meta.id() + ": help shows the CloudFormation fix");
      assertTrue(meta.help().contains("```hcl"), meta.id() + ": help shows the Terraform fix");
      assertTrue(
          meta.help().contains("https://docs.aws.amazon.com/eks/latest/userguide/"),
          meta.id() + ": help links the EKS user guide");
      assertFalse(meta.tags().isEmpty(), meta.id() + ": tags");
      assertFalse(meta.formats().isEmpty(), meta.id() + ": formats");
    }
  }

  @Test
  void everyRuleHasItsDocsPage() throws IOException {
    for (String id : ids()) {
      Path page = DOCS.resolve(id + ".md");
      assertTrue(Files.isRegularFile(page), "missing " + page);
      RuleMeta meta = RuleMetadata.load(id);
      String text = Files.readString(page);
      assertTrue(text.startsWith("# " + id + ": " + meta.slug() + "\n"), page + " starts with its title");
      // The page renders the metadata; a help text edited in one place only is caught here.
      assertTrue(text.contains(meta.help().strip()), page + " shows the help of rules/" + id + ".yaml");
      assertTrue(text.contains(meta.fullDescription()), page + " shows the full description");
    }
  }

  @Test
  void everyRuleHasGoodAndBadFixturesInEachFormat() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String id : ids()) {
      for (String format : RuleMetadata.load(id).formats()) {
        Path folder = FIXTURES.resolve(id).resolve(format);
        for (String kind : List.of("good-", "bad-")) {
          for (String ext : CASE_EXTENSIONS.getOrDefault(format, List.of(".yaml", ".json"))) {
            if (!hasCase(folder, kind, ext)) {
              missing.add(folder + "/" + kind + "*" + ext);
            }
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  /** A case file, or a folder case holding such a file. */
  private static boolean hasCase(Path folder, String kind, String ext) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files
          .filter(Files::isRegularFile)
          .anyMatch(
              f ->
                  f.getFileName().toString().endsWith(ext)
                      && folder.relativize(f).getName(0).toString().startsWith(kind));
    }
  }

  @Test
  void everyRuleHasARowInTheReadmeRuleTable() throws IOException {
    Path readme = Path.of("README.md");
    // The README is written by the lead when the branches come together; until then this waits.
    Assumptions.assumeTrue(Files.exists(readme), "README.md not written yet");
    String text = Files.readString(readme);
    List<String> missing = new ArrayList<>();
    for (String id : ids()) {
      if (!text.contains("| " + id + " |")) {
        missing.add(id);
      }
    }
    assertEquals(List.of(), missing, "rules without a row '| ID |' in README.md");
  }
}
