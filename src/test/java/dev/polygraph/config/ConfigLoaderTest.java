package dev.polygraph.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.polygraph.finding.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file is read strictly: what it says, or an error with file, line and allowed keys. */
class ConfigLoaderTest {

  @TempDir Path tmp;

  private Config load(String text) throws IOException, ConfigException {
    Path file = tmp.resolve(".polygraph.yaml");
    Files.writeString(file, text);
    return ConfigLoader.load(file);
  }

  private String error(String text) throws IOException {
    Path file = tmp.resolve(".polygraph.yaml");
    Files.writeString(file, text);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage()
        .replace(file.toString(), "CFG");
  }

  @Test
  void ignoreEntriesAreRead() throws Exception {
    Config cfg =
        load("ignore:\n"
            + "  - { path: \"policies/*.json\", rule: IAM002, reason: \"new action, not yet in the catalogue\" }\n"
            + "  - path: legacy/**\n    rule: EKS010\n    reason: commercial partition only\n");
    assertEquals(
        List.of(
            new Config.Ignore("policies/*.json", "IAM002", "new action, not yet in the catalogue"),
            new Config.Ignore("legacy/**", "EKS010", "commercial partition only")),
        cfg.ignore());
  }

  @Test
  void anIgnoreEntryNeedsPathRuleAndReason() throws IOException {
    assertEquals(
        "CFG:2:5: an 'ignore' entry needs 'reason'; its keys are: path, rule, reason",
        error("ignore:\n  - { path: \"*.yaml\", rule: EKS010 }\n"));
    assertEquals(
        "CFG:2:43: 'ignore.reason' must not be empty",
        error("ignore:\n  - { path: a.yaml, rule: EKS010, reason: \"\" }\n"));
    assertEquals(
        "CFG:2:21: unknown key 'rules' in an 'ignore' entry; allowed keys: path, rule, reason",
        error("ignore:\n  - { path: a.yaml, rules: EKS010, reason: x }\n"));
    assertEquals(
        "CFG:2:27: 'eks010' is not a rule id (see 'polygraph rules')",
        error("ignore:\n  - { path: a.yaml, rule: eks010, reason: x }\n"));
    assertEquals(
        "CFG:1:9: 'ignore' must be a list of {path, rule, reason} mappings",
        error("ignore: { path: a.yaml }\n"));
    assertEquals(
        "CFG:2:5: an 'ignore' entry must be a mapping", error("ignore:\n  - a.yaml\n"));
  }

  @Test
  void anInvalidGlobIsAnError() throws IOException {
    assertEquals(
        "CFG:2:13: 'ignore.path' is not a valid glob (Missing '])",
        error("ignore:\n  - { path: \"a[.yaml\", rule: EKS010, reason: x }\n"));
  }

  @Test
  void unknownAndNotYetSupportedKeysNameTheAllowedOnes() throws IOException {
    assertEquals(
        "CFG:1:1: unknown key 'ignores' in top level; allowed keys: rules, eks, cloudformation, terraform, exclude,"
            + " ignore, roles",
        error("ignores: []\n"));
    assertEquals(
        "CFG:1:1: 'baseline' is not supported by this version of polygraph yet; allowed keys: rules, eks,"
            + " cloudformation, terraform, exclude, ignore, roles",
        error("baseline: x.json\n"));
    assertEquals(
        "CFG:2:3: unknown key 'var_files' in 'terraform'; allowed keys: var-files, vars",
        error("terraform:\n  var_files: [a.tfvars]\n"));
    assertEquals("CFG:2:14: 'terraform.var-files' must be a list of strings", error("terraform:\n  var-files: a\n"));
    assertEquals("CFG:2:9: 'terraform.vars' must be a mapping", error("terraform:\n  vars: [a]\n"));
  }

  @Test
  void terraformVarFilesAreRelativeToTheConfigAndVarsAreExpressions() throws Exception {
    Config cfg =
        load("terraform:\n"
            + "  var-files: [env/prod.tfvars, ../shared.tfvars]\n"
            + "  vars:\n"
            + "    cluster_name: prod\n"
            + "    node_count: 3\n"
            + "    quoted: \"3\"\n"
            + "    subnets: [subnet-1, \"subnet-2\"]\n"
            + "    tags: { team: eks, enabled: true, size: 2, note: \"true\" }\n");
    Path dir = tmp.toAbsolutePath().normalize();
    assertEquals(List.of(dir.resolve("env/prod.tfvars"), dir.getParent().resolve("shared.tfvars")), cfg.tfVarFiles());
    assertEquals(
        Map.of(
            "cluster_name", "prod",
            "node_count", "3",
            "quoted", "3",
            "subnets", "[\"subnet-1\",\"subnet-2\"]",
            "tags", "{\"team\":\"eks\",\"enabled\":true,\"size\":2,\"note\":\"true\"}"),
        cfg.tfVars());
    assertEquals("CFG:3:8: variable 'a' must have a value", error("terraform:\n  vars:\n    a: ~\n"));

    Config effective =
        cfg.withTerraformFlags(List.of(Path.of("cli.tfvars")), Map.of("cluster_name", "dev", "extra", "x"));
    assertEquals(
        List.of(dir.resolve("env/prod.tfvars"), dir.getParent().resolve("shared.tfvars"),
            Path.of("cli.tfvars").toAbsolutePath().normalize()),
        effective.tfVarFiles());
    assertEquals("dev", effective.tfVars().get("cluster_name"));
    assertEquals("x", effective.tfVars().get("extra"));

    String printed = ConfigYaml.render(effective);
    assertEquals(effective, load(printed).withTerraformFlags(List.of(), Map.of()));
  }

  @Test
  void anEmptyCloudFormationSectionIsAllowed() throws Exception {
    assertEquals(Map.of(), load("cloudformation: {}\n").cfnParameters());
    assertEquals(
        "CFG:2:15: 'cloudformation.parameters' must be a mapping", error("cloudformation:\n  parameters: [a]\n"));
  }

  @Test
  void printedConfigurationsLoadBackAsTheSame() throws Exception {
    Config cfg =
        load("rules:\n  skip: [EKS010]\n  level: { EKS007: error }\n"
            + "eks:\n  ip-family: ipv6\n  cni-role: node\n  node-roles: [\"*-nodes\"]\n"
            + "cloudformation:\n  parameters: { IpFamily: ipv6, Quote: \"say \\\"hi\\\"\\n\" }\n"
            + "exclude: [\"legacy/**\"]\n"
            + "ignore:\n  - { path: \"policies/*.json\", rule: IAM002, reason: \"new: action #1\" }\n");
    String printed = ConfigYaml.render(cfg);
    assertEquals(
        "rules:\n"
            + "  skip: [\"EKS010\"]\n"
            + "  level:\n"
            + "    \"EKS007\": error\n"
            + "eks:\n"
            + "  ip-family: \"ipv6\"\n"
            + "  cni-role: \"node\"\n"
            + "  node-roles: [\"*-nodes\"]\n"
            + "cloudformation:\n"
            + "  parameters:\n"
            + "    \"IpFamily\": \"ipv6\"\n"
            + "    \"Quote\": \"say \\\"hi\\\"\\u000a\"\n"
            + "exclude: [\"legacy/**\"]\n"
            + "ignore:\n"
            + "  - { path: \"policies/*.json\", rule: \"IAM002\", reason: \"new: action #1\" }\n",
        printed);
    Config again = load(printed);
    assertEquals(cfg, again);
    assertEquals("{}\n", ConfigYaml.render(Config.EMPTY));
    assertEquals(Config.EMPTY.ignore(), load("{}\n").ignore());
  }

  @Test
  void flagsMergeIntoTheEffectiveConfiguration() throws Exception {
    Config cfg = load("rules:\n  skip: [EKS010]\neks:\n  ip-family: ipv4\ncloudformation:\n  parameters: { A: '1', B: '2' }\n");
    Config effective = cfg.withFlags(List.of("EKS007", "EKS010"), Optional.of("ipv6"), Map.of("B", "3"));
    assertEquals(List.of("EKS010", "EKS007"), effective.skipRules());
    assertEquals(Optional.of("ipv6"), effective.ipFamily());
    assertEquals(Map.of("A", "1", "B", "3"), effective.cfnParameters());
    assertEquals(Map.of(), effective.ruleLevels());
    assertEquals(Level.ERROR, Level.parse("error"));
  }
}
