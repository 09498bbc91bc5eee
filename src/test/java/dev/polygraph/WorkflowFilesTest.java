package dev.polygraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.polygraph.finding.Level;
import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.tree.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files other tools read: action.yml (GitHub Actions), .pre-commit-hooks.yaml (pre-commit) and
 * the README's examples of their use, checked for the structure those tools require. .ci/run runs
 * them for real (.ci/test-pre-commit.sh, .ci/test-action.py).
 */
class WorkflowFilesTest {
  private static final String REPOSITORY = "https://github.com/polygraph-dev/polygraph";
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

  @Test
  void actionIsACompositeActionWithDocumentedInputs() throws IOException {
    MapNode action = yaml(Path.of("action.yml"));
    for (String key : List.of("name", "description", "inputs", "outputs", "runs")) {
      assertTrue(action.get(key).isPresent(), "action.yml has no " + key);
    }
    Map<String, String> defaults = actionInputDefaults(action);
    assertEquals(List.of("path", "fail-on", "sarif-file", "config", "args", "jar", "java-version"),
        List.copyOf(defaults.keySet()));
    assertEquals(".", defaults.get("path"));
    assertEquals("polygraph.sarif", defaults.get("sarif-file"));
    assertEquals(Level.ERROR, Level.parse(defaults.get("fail-on")));
    for (Node input : map(action, "inputs").entries().stream().map(MapNode.Entry::value).toList()) {
      assertFalse(text(((MapNode) input).get("description").orElseThrow()).isBlank());
    }
    MapNode outputs = map(action, "outputs");
    assertEquals(List.of("sarif-file", "exit-code"), keys(outputs));
    assertEquals("${{ steps.scan.outputs.sarif-file }}", text(at(outputs, "sarif-file", "value")));
    assertEquals("${{ steps.scan.outputs.exit-code }}", text(at(outputs, "exit-code", "value")));

    assertEquals("composite", text(at(action, "runs", "using")));
    Map<String, String> runsById = new LinkedHashMap<>();
    List<String> uses = new ArrayList<>();
    for (Node item : seq(at(action, "runs", "steps")).items()) {
      MapNode step = assertInstanceOf(MapNode.class, item);
      assertTrue(step.get("uses").isPresent() != step.get("run").isPresent(), "uses or run: " + step.span());
      step.get("uses").ifPresent(u -> uses.add(text(u)));
      if (step.get("run").isPresent()) {
        // Composite run steps must name their shell; inputs reach scripts through env only.
        assertEquals("bash", text(step.get("shell").orElseThrow()));
        String script = text(step.get("run").orElseThrow());
        assertFalse(script.contains("${{"), "an expression pasted into a script: " + step.span());
        step.get("id").ifPresent(id -> runsById.put(text(id), script));
      }
    }
    assertEquals(List.of("actions/setup-java@v4"), uses);
    assertEquals(List.of("build", "scan"), List.copyOf(runsById.keySet()));

    // Every expression names a declared input, the action's path, or an output a step writes.
    String source = Files.readString(Path.of("action.yml"), StandardCharsets.UTF_8);
    Matcher m = EXPRESSION.matcher(source);
    Set<String> expressions = new LinkedHashSet<>();
    while (m.find()) {
      expressions.add(m.group(1));
    }
    assertEquals(
        List.of("steps.scan.outputs.sarif-file", "steps.scan.outputs.exit-code", "inputs.java-version",
            "github.action_path", "inputs.jar", "steps.build.outputs.jar", "inputs.path", "inputs.fail-on",
            "inputs.sarif-file", "inputs.config", "inputs.args"),
        List.copyOf(expressions));
    for (String e : expressions) {
      if (e.startsWith("inputs.")) {
        assertTrue(defaults.containsKey(e.substring("inputs.".length())), e);
      } else if (e.startsWith("steps.")) {
        String[] parts = e.split("\\.");
        assertTrue(runsById.get(parts[1]).contains("echo \"" + parts[3] + "="), e + " is never written");
      }
    }
  }

  @Test
  void preCommitManifestHasTheScriptHookFirstAndTheSystemHookSecond() throws IOException {
    List<MapNode> hooks = hooks();
    assertEquals(List.of("polygraph", "polygraph-system"), hooks.stream().map(h -> text(h.get("id").orElseThrow())).toList());
    for (MapNode hook : hooks) {
      for (String key : List.of("id", "name", "entry", "language")) {
        assertTrue(hook.get(key).isPresent(), key + " missing: " + hook.span());
      }
      List<String> args = texts(hook.get("args").orElseThrow());
      assertEquals(List.of("--report-only"), args, "filenames follow the args");
      assertEquals("true", text(hook.get("require_serial").orElseThrow()), "one whole-repository scan, not one per CPU");
      Pattern files = Pattern.compile(text(hook.get("files").orElseThrow()));
      for (String name : List.of("infra/nodes.yaml", "a.yml", "role.json", "stack.template", "main.tf")) {
        assertTrue(files.matcher(name).find(), name);
      }
      assertFalse(files.matcher("README.md").find());
    }
    assertEquals("script", text(hooks.get(0).get("language").orElseThrow()));
    Path script = Path.of(text(hooks.get(0).get("entry").orElseThrow()));
    assertEquals(Path.of("bin/polygraph-pre-commit"), script);
    assertTrue(Files.isExecutable(script), script + " is not executable");
    assertEquals("system", text(hooks.get(1).get("language").orElseThrow()));
    assertEquals("polygraph scan", text(hooks.get(1).get("entry").orElseThrow()));
  }

  @Test
  void readmePreCommitExamplesUseTheManifestsHooks() throws IOException {
    List<String> blocks = readmeYamlBlocks("pre-commit");
    assertEquals(3, blocks.size());
    List<String> ids = new ArrayList<>();
    for (String block : blocks) {
      MapNode config = yaml(block);
      SeqNode repos = seq(config.get("repos").orElseThrow());
      assertEquals(1, repos.items().size());
      MapNode repo = (MapNode) repos.items().get(0);
      assertEquals(REPOSITORY, text(repo.get("repo").orElseThrow()));
      assertEquals("v0.1.0", text(repo.get("rev").orElseThrow()));
      for (Node hook : seq(repo.get("hooks").orElseThrow()).items()) {
        MapNode h = (MapNode) hook;
        ids.add(text(h.get("id").orElseThrow()));
        h.get("args").ifPresent(args -> {
          List<String> list = texts(args);
          assertEquals("--report-only", list.get(list.size() - 1), "args must end with --report-only");
        });
      }
    }
    assertEquals(List.of("polygraph", "polygraph-system", "polygraph"), ids);
  }

  @Test
  void readmeWorkflowUploadsTheSarifTheActionWrites() throws IOException {
    List<String> blocks = readmeYamlBlocks("GitHub code scanning");
    assertEquals(1, blocks.size());
    MapNode workflow = yaml(blocks.get(0));
    assertTrue(workflow.get("on").isPresent());
    assertEquals("write", text(at(workflow, "permissions", "security-events")));
    MapNode jobs = map(workflow, "jobs");
    assertEquals(1, jobs.entries().size());
    MapNode job = (MapNode) jobs.entries().get(0).value();
    assertEquals("ubuntu-latest", text(job.get("runs-on").orElseThrow()));
    List<MapNode> steps = seq(job.get("steps").orElseThrow()).items().stream().map(MapNode.class::cast).toList();
    assertEquals(
        List.of("actions/checkout@v4", "polygraph-dev/polygraph@v0.1.0", "github/codeql-action/upload-sarif@v3"),
        steps.stream().map(s -> text(s.get("uses").orElseThrow())).toList());

    Map<String, String> defaults = actionInputDefaults(yaml(Path.of("action.yml")));
    MapNode with = map(steps.get(1), "with");
    for (String input : keys(with)) {
      assertTrue(defaults.containsKey(input), "the action has no input " + input);
    }
    String sarif = with.get("sarif-file").map(WorkflowFilesTest::text).orElse(defaults.get("sarif-file"));
    MapNode upload = steps.get(2);
    assertEquals(sarif, text(at(upload, "with", "sarif_file")));
    assertEquals("${{ !cancelled() }}", text(upload.get("if").orElseThrow()), "upload even when the scan failed");
  }

  @Test
  void readmeInputTableMatchesTheAction() throws IOException {
    Map<String, String> table = new LinkedHashMap<>();
    Matcher row = Pattern.compile("^\\| `([a-z-]+)` \\|\\s*(`([^`]*)`)?\\s*\\|", Pattern.MULTILINE)
        .matcher(readmeSection("GitHub code scanning"));
    while (row.find()) {
      table.put(row.group(1), row.group(3) == null ? "" : row.group(3));
    }
    assertEquals(actionInputDefaults(yaml(Path.of("action.yml"))), table);
  }

  // --- helpers -------------------------------------------------------------------------------------

  private static Map<String, String> actionInputDefaults(MapNode action) {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (MapNode.Entry input : map(action, "inputs").entries()) {
      MapNode spec = (MapNode) input.value();
      defaults.put(input.key().text(), spec.get("default").map(WorkflowFilesTest::text).orElse(""));
    }
    return defaults;
  }

  private static List<MapNode> hooks() throws IOException {
    Path manifest = Path.of(".pre-commit-hooks.yaml");
    TreeResult tree = YamlTreeReader.read(source(manifest, Files.readString(manifest, StandardCharsets.UTF_8)));
    assertEquals(List.of(), tree.problems());
    return seq(tree.root()).items().stream().map(MapNode.class::cast).toList();
  }

  private static String readmeSection(String heading) throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## " + heading + "\n");
    if (start < 0) {
      fail("README has no section '" + heading + "'");
    }
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static List<String> readmeYamlBlocks(String heading) throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("^```yaml\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL)
        .matcher(readmeSection(heading));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private static MapNode yaml(Path file) throws IOException {
    return yaml(source(file, Files.readString(file, StandardCharsets.UTF_8)));
  }

  private static MapNode yaml(String text) {
    return yaml(source(Path.of("README.md"), text));
  }

  private static MapNode yaml(SourceFile file) {
    TreeResult tree = YamlTreeReader.read(file);
    assertEquals(List.of(), tree.problems());
    return assertInstanceOf(MapNode.class, tree.root());
  }

  private static SourceFile source(Path path, String text) {
    return new SourceFile(path, path.toString(), text);
  }

  private static Node at(MapNode node, String... keys) {
    Node current = node;
    for (String key : keys) {
      current = assertInstanceOf(MapNode.class, current).get(key).orElseThrow(() -> new AssertionError("no " + key));
    }
    return current;
  }

  private static MapNode map(MapNode node, String key) {
    return assertInstanceOf(MapNode.class, at(node, key));
  }

  private static SeqNode seq(Node node) {
    return assertInstanceOf(SeqNode.class, node);
  }

  private static List<String> keys(MapNode node) {
    return node.entries().stream().map(e -> e.key().text()).toList();
  }

  private static String text(Node node) {
    return assertInstanceOf(ScalarNode.class, node).text();
  }

  private static List<String> texts(Node node) {
    return seq(node).items().stream().map(WorkflowFilesTest::text).toList();
  }
}
