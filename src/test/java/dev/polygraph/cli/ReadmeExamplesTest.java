package dev.polygraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.config.Config;
import dev.polygraph.config.ConfigLoader;
import dev.polygraph.testkit.Readme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's config and baseline examples, run as users would run them. */
class ReadmeExamplesTest {

  @TempDir Path tmp;

  @Test
  void theConfigReferenceExampleLoadsAndPrintsBackAsItself() throws Exception {
    List<String> blocks = Readme.blocks("### Config: `.polygraph.yaml`", "yaml");
    assertEquals(1, blocks.size());
    Path file = tmp.resolve(".polygraph.yaml");
    Files.writeString(file, blocks.get(0));
    Config cfg = ConfigLoader.load(file);
    assertEquals(List.of("EKS010"), cfg.skipRules());
    assertEquals(List.of(new Config.Ignore("policies/*.json", "EKS010", "the commercial partition only")), cfg.ignore());

    MainTest.Run printed = MainTest.run("scan", "-c", file.toString(), "--print-config", "examples");
    assertEquals(0, printed.code(), printed.err());
    assertTrue(printed.out().startsWith("# from " + file + " and the command line\n"), printed.out());
    Path again = tmp.resolve("again.yaml");
    Files.writeString(again, printed.out());
    Config reloaded = ConfigLoader.load(again);
    assertEquals(cfg.ignore(), reloaded.ignore());
    assertEquals(cfg.ruleLevels(), reloaded.ruleLevels());
    assertEquals(cfg.cfnParameters(), reloaded.cfnParameters());
    assertEquals(cfg.nodeRoles(), reloaded.nodeRoles());
    assertEquals(cfg.exclude(), reloaded.exclude());
  }

  @Test
  void theBaselineExampleFailsFirstAndPassesAgainstItsOwnBaseline() throws Exception {
    List<String> commands = new ArrayList<>();
    for (String line : Readme.blocks("### Baselines", "sh").get(0).split("\n")) {
      commands.add(line.replaceAll("\\s+#.*$", ""));
    }
    assertEquals(
        List.of(
            "polygraph scan -f sarif -o baseline.sarif examples/",
            "polygraph scan --baseline baseline.sarif examples/"),
        commands);
    List<Integer> codes = new ArrayList<>();
    for (String command : commands) {
      String[] args =
          Arrays.stream(command.split(" "))
              .skip(1)
              .map(a -> a.equals("baseline.sarif") ? tmp.resolve(a).toString() : a)
              .toArray(String[]::new);
      MainTest.Run run = MainTest.run(args);
      assertEquals("", run.err());
      codes.add(run.code());
    }
    // examples/ holds one known error (EKS004): it fails the first run and is unchanged in the second.
    assertEquals(List.of(1, 0), codes);
  }

  @Test
  void printConfigWithoutAConfigFileSaysSo() {
    MainTest.Run run = MainTest.run("scan", "--print-config", "--rules", "EKS001", "--ip-family", "ipv4", "/");
    assertEquals(0, run.code(), run.err());
    assertEquals(
        "# no .polygraph.yaml found; built-in defaults and the command line\n"
            + "# --rules EKS001 (a command-line option only)\n"
            + "eks:\n  ip-family: \"ipv4\"\n",
        run.out());
  }

  @Test
  void terraformFlagsShowInThePrintedConfiguration() {
    MainTest.Run run =
        MainTest.run("scan", "--print-config", "--tf-var", "cluster_name=prod", "--tf-var", "ips=[\"a\"]",
            "--tf-var-file", "/env/prod.tfvars", "/");
    assertEquals(0, run.code(), run.err());
    String file = Path.of("/env/prod.tfvars").toAbsolutePath().normalize().toString().replace('\\', '/');
    assertEquals(
        "# no .polygraph.yaml found; built-in defaults and the command line\n"
            + "terraform:\n"
            + "  var-files: [\"" + file + "\"]\n"
            + "  vars:\n"
            + "    \"cluster_name\": \"prod\"\n"
            + "    \"ips\": \"[\\\"a\\\"]\"\n",
        run.out());
  }
}
