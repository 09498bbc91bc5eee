package dev.polygraph;

import dev.polygraph.config.ConfigLoader;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the JSON twin of a YAML fixture: the same template in CloudFormation JSON, and a {@code
 * .expect} file whose lines are where the YAML markers' nodes landed. The JSON fixtures are
 * generated so that both formats always specify the same cases; {@link FixtureJsonTwinsTest}
 * fails when a twin is out of date. Run {@link #main} to rewrite them.
 *
 * <p>A marker points at the leftmost, outermost node that starts on its line: a statement rather
 * than its first key. Sequences never start a finding. A block mapping that is the value of a key
 * starts on its first key's line, but findings point at the key (a resource's logical ID), except
 * EKS001's and IAM001's, which may point at a policy document itself: its JSON line is that of its
 * "{".
 */
final class FixtureJsonTwins {

  private static final Pattern INTRINSIC = Pattern.compile("Ref|Condition|Fn::[A-Za-z0-9]+");
  /** The rules whose findings may point at a policy document, a mapping, rather than at its key. */
  private static final Set<String> DOCUMENT_RULES = Set.of("EKS001", "IAM001");
  private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)");

  private FixtureJsonTwins() {}

  /** The JSON text and the .expect text (null when nothing is expected) of one YAML fixture. */
  record Twin(String json, String expect) {}

  static Twin of(String yamlName, String yamlText) {
    SourceFile source = new SourceFile(Path.of(yamlName), yamlName, yamlText);
    TreeResult tree = YamlTreeReader.read(source);
    if (!tree.problems().isEmpty() || tree.root() == null) {
      throw new IllegalArgumentException(yamlName + " does not parse: " + tree.problems());
    }
    Writer writer = new Writer();
    writer.value(tree.root(), 0);
    String json = writer.out.append('\n').toString();

    List<Expectation> markers = ExpectationMarkers.inline(yamlName, yamlText);
    if (markers.isEmpty()) {
      return new Twin(json, null);
    }
    String jsonName = jsonName(yamlName);
    StringBuilder expect = new StringBuilder();
    expect.append("# Generated from ").append(fileName(yamlName)).append(" by FixtureJsonTwins.\n");
    for (Expectation marker : markers) {
      Node node = target(tree.root(), marker);
      Integer line = writer.lines.get(node);
      expect
          .append(line)
          .append(' ')
          .append(marker.ruleId())
          .append(marker.fragment() == null ? "" : " '" + marker.fragment() + "'")
          .append('\n');
    }
    return new Twin(json, expect.toString());
  }

  static String jsonName(String yamlName) {
    return yamlName.substring(0, yamlName.lastIndexOf('.')) + ".json";
  }

  private static String fileName(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  private static Node target(Node root, Expectation marker) {
    List<Node> candidates = new ArrayList<>();
    collect(root, true, marker.line(), DOCUMENT_RULES.contains(marker.ruleId()), candidates);
    Node best = null;
    for (Node node : candidates) {
      boolean columnOk = marker.column() == 0 || node.span().startColumn() == marker.column();
      if (columnOk && (best == null || node.span().startColumn() < best.span().startColumn())) {
        best = node;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(
          marker.file() + ":" + marker.line() + ": no node starts where the marker points");
    }
    return best;
  }

  /**
   * Nodes starting on {@code line}, outer before inner, keys before their values; {@code
   * candidate} says whether {@code node} itself may be one.
   */
  private static void collect(
      Node node, boolean candidate, int line, boolean mapValues, List<Node> out) {
    if (candidate && node.span().startLine() == line && !(node instanceof SeqNode)) {
      out.add(node);
    }
    if (node instanceof MapNode map) {
      for (MapNode.Entry entry : map.entries()) {
        if (entry.key().span().startLine() == line) {
          out.add(entry.key());
        }
        Node value = entry.value();
        boolean valueCandidate =
            mapValues || !(value instanceof MapNode inner) || isIntrinsic(inner);
        collect(value, valueCandidate, line, mapValues, out);
      }
    } else if (node instanceof SeqNode seq) {
      for (Node item : seq.items()) {
        collect(item, true, line, mapValues, out);
      }
    }
  }

  private static boolean isIntrinsic(MapNode map) {
    return map.entries().size() == 1
        && INTRINSIC.matcher(map.entries().get(0).key().text()).matches();
  }

  /** Pretty JSON as CloudFormation users write it: intrinsic functions on one line. */
  private static final class Writer {
    final StringBuilder out = new StringBuilder();
    final Map<Node, Integer> lines = new IdentityHashMap<>();
    int line = 1;

    void value(Node node, int indent) {
      lines.put(node, line);
      if (node instanceof ScalarNode scalar) {
        out.append(scalar(scalar));
      } else if (node instanceof MapNode map && isIntrinsic(map)) {
        inline(map);
      } else if (node instanceof MapNode map) {
        if (map.entries().isEmpty()) {
          out.append("{}");
          return;
        }
        out.append('{');
        for (int i = 0; i < map.entries().size(); i++) {
          MapNode.Entry entry = map.entries().get(i);
          newline(indent + 2);
          lines.put(entry.key(), line);
          out.append(quote(entry.key().text())).append(": ");
          value(entry.value(), indent + 2);
          if (i + 1 < map.entries().size()) {
            out.append(',');
          }
        }
        newline(indent);
        out.append('}');
      } else {
        SeqNode seq = (SeqNode) node;
        if (seq.items().isEmpty()) {
          out.append("[]");
          return;
        }
        out.append('[');
        for (int i = 0; i < seq.items().size(); i++) {
          newline(indent + 2);
          value(seq.items().get(i), indent + 2);
          if (i + 1 < seq.items().size()) {
            out.append(',');
          }
        }
        newline(indent);
        out.append(']');
      }
    }

    /** One line: {"Fn::Sub": "..."}; every node inside starts on this line. */
    private void inline(Node node) {
      lines.put(node, line);
      if (node instanceof ScalarNode scalar) {
        out.append(scalar(scalar));
      } else if (node instanceof MapNode map) {
        out.append('{');
        for (int i = 0; i < map.entries().size(); i++) {
          MapNode.Entry entry = map.entries().get(i);
          lines.put(entry.key(), line);
          out.append(i == 0 ? "" : ", ").append(quote(entry.key().text())).append(": ");
          inline(entry.value());
        }
        out.append('}');
      } else {
        SeqNode seq = (SeqNode) node;
        out.append('[');
        for (int i = 0; i < seq.items().size(); i++) {
          out.append(i == 0 ? "" : ", ");
          inline(seq.items().get(i));
        }
        out.append(']');
      }
    }

    private void newline(int indent) {
      out.append('\n').append(" ".repeat(indent));
      line++;
    }

    private static String scalar(ScalarNode scalar) {
      if (scalar.isNull()) {
        return "null";
      }
      String text = scalar.text();
      boolean literal =
          !scalar.quoted() && (text.equals("true") || text.equals("false") || NUMBER.matcher(text).matches());
      return literal ? text : quote(text);
    }
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * The YAML fixture files that have JSON twins: every YAML input of a case (folder cases too, but
   * not their {@code .polygraph.yaml}), except in cases holding a YAML file written not to parse (POLY001's, written by hand).
   */
  static Map<Path, Twin> all(Path fixtures) throws IOException {
    Map<Path, Twin> twins = new LinkedHashMap<>();
    for (FixtureCase fixture : FixtureCase.discover(fixtures)) {
      Map<Path, String> yamls = new LinkedHashMap<>();
      for (Path input : fixture.inputs()) {
        String file = input.getFileName().toString();
        // A case's config is not an input format: it has no twin.
        if ((file.endsWith(".yaml") || file.endsWith(".yml")) && !file.equals(ConfigLoader.FILE_NAME)) {
          yamls.put(input, fixture.root().relativize(input).toString().replace('\\', '/'));
        }
      }
      if (yamls.keySet().stream().anyMatch(FixtureJsonTwins::unparseable)) {
        continue;
      }
      for (Map.Entry<Path, String> yaml : yamls.entrySet()) {
        twins.put(yaml.getKey(), of(yaml.getValue(), FixtureCase.read(yaml.getKey())));
      }
    }
    return twins;
  }

  private static boolean unparseable(Path yaml) {
    String name = yaml.getFileName().toString();
    return !YamlTreeReader.read(new SourceFile(yaml, name, FixtureCase.read(yaml))).problems().isEmpty();
  }

  /** Where the JSON twin of a YAML file lives: same folder, or a "-json" sibling folder case. */
  static Path jsonPath(Path fixtures, Path yaml) throws IOException {
    for (FixtureCase fixture : FixtureCase.discover(fixtures)) {
      if (Files.isDirectory(fixture.path()) && yaml.startsWith(fixture.path())) {
        Path twinFolder = fixture.path().resolveSibling(fixture.path().getFileName() + "-json");
        return twinFolder.resolve(jsonName(fixture.path().relativize(yaml).toString()));
      }
    }
    return yaml.resolveSibling(jsonName(yaml.getFileName().toString()));
  }

  public static void main(String[] args) throws IOException {
    Path fixtures = Path.of(args.length > 0 ? args[0] : "fixtures");
    for (Map.Entry<Path, Twin> twin : all(fixtures).entrySet()) {
      Path json = jsonPath(fixtures, twin.getKey());
      Files.createDirectories(json.getParent());
      Files.writeString(json, twin.getValue().json(), StandardCharsets.UTF_8);
      Path expect = json.resolveSibling(json.getFileName() + ".expect");
      if (twin.getValue().expect() != null) {
        Files.writeString(expect, twin.getValue().expect(), StandardCharsets.UTF_8);
      } else {
        Files.deleteIfExists(expect);
      }
    }
  }
}
