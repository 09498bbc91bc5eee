package dev.polygraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: exit codes, formats, outputs, usage errors. */
class MainTest {

  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theReadmeExampleFindsTheMissingEcrPermissionsAndExitsOne() {
    Run r = run("scan", "examples/eks-nodes.yaml");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("examples/eks-nodes.yaml:"), r.out());
    assertTrue(r.out().contains("error EKS004"), r.out());
    assertTrue(r.out().contains("'NodeRole'"), r.out());
    assertTrue(r.out().contains("'Workers'"), r.out());
    assertTrue(r.out().strip().endsWith("1 error in 1 file"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void theReadmeShowsTheExampleOutputAsItIs() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int intro = readme.indexOf("Text output is one block per finding");
    int start = readme.indexOf("```\n", intro) + 4;
    String shown = readme.substring(start, readme.indexOf("```", start));
    assertEquals(shown, run("scan", "examples/").out());
  }

  @Test
  void failOnNoneExitsZeroDespiteFindings() {
    assertEquals(0, run("scan", "--fail-on", "none", "examples/eks-nodes.yaml").code());
  }

  @Test
  void skippingTheRuleThatFiresExitsZero() {
    Run r = run("scan", "--skip-rules", "EKS004", "examples/eks-nodes.yaml");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().strip().endsWith("no problems in 1 file"), r.out());
  }

  @Test
  void writesSarifAndJsonToTheirOutputsAndTextToStdout() throws IOException {
    Path sarif = tmp.resolve("out.sarif");
    Path json = tmp.resolve("out.json");
    Run r = run("scan", "-f", "text", "-f", "sarif", "-f", "json", "-o", sarif.toString(), "-o", json.toString(),
        "examples/eks-nodes.yaml");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("error EKS004"));
    assertTrue(Files.readString(sarif, StandardCharsets.UTF_8).contains("\"ruleId\" : \"EKS004\"")
        || Files.readString(sarif, StandardCharsets.UTF_8).contains("\"ruleId\": \"EKS004\""));
    assertTrue(Files.readString(json, StandardCharsets.UTF_8).contains("EKS004"));
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    Run unknownRule = run("scan", "--rules", "EKS999", "examples");
    assertEquals(2, unknownRule.code());
    assertTrue(unknownRule.err().startsWith("polygraph: unknown rule 'EKS999'"), unknownRule.err());

    Run missing = run("scan", "no/such/dir");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no such file or directory: no/such/dir"), missing.err());

    Run missingVarFile = run("scan", "--tf-var-file", "no/such.tfvars", "examples");
    assertEquals(2, missingVarFile.code());
    assertTrue(missingVarFile.err().startsWith("polygraph: the variable file '"), missingVarFile.err());
    assertTrue(missingVarFile.err().contains("no/such.tfvars' does not exist or is not a file"), missingVarFile.err());

    Run badFamily = run("scan", "--ip-family", "ipv5", "examples");
    assertEquals(2, badFamily.code());

    Run badOption = run("scan", "--no-such-option");
    assertEquals(2, badOption.code());

    Run twoToStdout = run("scan", "-f", "sarif", "-f", "json", "examples");
    assertEquals(2, twoToStdout.code());
  }

  @Test
  void anInvalidConfigIsAUsageErrorWithItsLine() throws IOException {
    Path cfg = tmp.resolve(".polygraph.yaml");
    Files.writeString(cfg, "eks:\n  ip-family: ipv6\n  cluster: prod\n");
    Run r = run("scan", "-c", cfg.toString(), "examples");
    assertEquals(2, r.code());
    assertTrue(r.err().contains(":3:3: unknown key 'cluster' in 'eks'; allowed keys: ip-family, cni-role, node-roles"),
        r.err());
  }

  @Test
  void configSkipsRules() throws IOException {
    Path cfg = tmp.resolve("skip.yaml");
    Files.writeString(cfg, "rules:\n  skip: [EKS004]\n");
    assertEquals(0, run("scan", "-c", cfg.toString(), "examples/eks-nodes.yaml").code());
  }

  @Test
  void rulesAndExplainDescribeTheCatalogue() {
    Run rules = run("rules");
    assertEquals(0, rules.code());
    assertTrue(rules.out().contains("EKS004"));
    assertTrue(rules.out().contains("POLY001"));
    Run explain = run("explain", "EKS004");
    assertEquals(0, explain.code());
    assertTrue(explain.out().startsWith("EKS004 node-role-ecr-pull-permissions"), explain.out());
    assertEquals(2, run("explain", "NOPE01").code());
  }

  @Test
  void versionAndHelp() {
    Run v = run("--version");
    assertEquals(0, v.code());
    assertTrue(v.out().startsWith("polygraph "));
    Run h = run("scan", "--help");
    assertEquals(0, h.code());
    assertTrue(h.out().contains("--fail-on"));
    Run none = run();
    assertEquals(2, none.code());
    assertFalse(none.err().isEmpty());
  }
}
