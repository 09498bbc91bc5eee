package dev.polygraph.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs src/test/diff/simulate.mjs, which asks {@code @cloud-copilot/iam-simulate} (pinned in that
 * folder's package-lock.json) about a batch of cases in one node process.
 */
final class IamSimulator {

  static final Path DIR = Path.of("src", "test", "diff");
  static final String PRINCIPAL = "arn:aws:iam::" + DiffCaseGenerator.ACCOUNT + ":role/eks-node";

  /** What npm prints when the registry cannot be reached (no network, no DNS, a proxy refusing). */
  private static final Pattern OFFLINE =
      Pattern.compile("ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|network");

  private IamSimulator() {}

  /** Why the simulator cannot run here (node or npm missing, npm offline), or empty when it can. */
  static Optional<String> unavailable(Path work) throws IOException, InterruptedException {
    for (String tool : List.of("node", "npm")) {
      if (!onPath(tool)) {
        return Optional.of("'" + tool + "' is not on the PATH; the differential test against iam-simulate needs node 20+ and npm");
      }
    }
    if (Files.isDirectory(DIR.resolve("node_modules/@cloud-copilot/iam-simulate"))) {
      return Optional.empty();
    }
    Path log = work.resolve("npm-ci.log");
    Process npm =
        new ProcessBuilder("npm", "ci", "--prefix", DIR.toAbsolutePath().toString(), "--no-audit", "--no-fund",
                "--prefer-offline", "--fetch-retries=1", "--fetch-timeout=30000")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!npm.waitFor(5, TimeUnit.MINUTES)) {
      npm.destroyForcibly();
      return Optional.of("'npm ci --prefix " + DIR + "' did not finish within 5 minutes (offline?); see " + log);
    }
    if (npm.exitValue() != 0) {
      String out = Files.readString(log, StandardCharsets.UTF_8);
      if (OFFLINE.matcher(out).find()) {
        return Optional.of("'npm ci --prefix " + DIR + "' cannot reach the npm registry; see " + log);
      }
      throw new AssertionError("'npm ci --prefix " + DIR + "' failed (exit " + npm.exitValue() + "):\n" + out);
    }
    return Optional.empty();
  }

  /**
   * The simulator's verdict for every case, by id: ALLOWED, IMPLICIT_DENY, EXPLICIT_DENY, or
   * "ERROR ..." when it rejected the case's input.
   */
  static Map<String, String> run(List<DiffCase> cases, Path work) throws IOException, InterruptedException {
    ObjectNode input = DiffCase.JSON.createObjectNode();
    input.put("principal", PRINCIPAL);
    input.put("account", DiffCaseGenerator.ACCOUNT);
    ArrayNode list = input.putArray("cases");
    cases.forEach(c -> list.add(c.toJson()));
    Path file = work.resolve("cases.json");
    Path out = work.resolve("simulated.txt");
    Path err = work.resolve("simulate.err");
    DiffCase.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), input);
    Process node =
        new ProcessBuilder("node", DIR.resolve("simulate.mjs").toString(), file.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!node.waitFor(2, TimeUnit.MINUTES)) {
      node.destroyForcibly();
      throw new AssertionError("simulate.mjs did not finish within 2 minutes");
    }
    if (node.exitValue() != 0) {
      throw new AssertionError("simulate.mjs failed (exit " + node.exitValue() + "):\n" + Files.readString(err));
    }
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) {
        String[] parts = line.split("\t", 2);
        verdicts.put(parts[0], parts.length > 1 ? parts[1].replace('\t', ' ') : "ERROR no verdict");
      }
    }
    return verdicts;
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
