package dev.polygraph.rules;

import dev.polygraph.finding.Level;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.tree.YamlTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads rule metadata from {@code rules/ID.yaml} on the class path. The files ship inside the jar,
 * so a malformed one is a bug in polygraph, not bad user input: it throws {@link
 * IllegalStateException} naming the file, the line and the key.
 */
public final class RuleMetadata {

  private static final Set<String> KEYS =
      Set.of(
          "id",
          "slug",
          "name",
          "shortDescription",
          "fullDescription",
          "help",
          "helpUri",
          "level",
          "securitySeverity",
          "precision",
          "tags",
          "formats",
          "parameters");
  private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");
  private static final Set<String> FORMATS = Set.of("cfn", "tf", "iam", "sh");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern PASCAL_CASE = Pattern.compile("[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*");
  private static final Pattern SEVERITY = Pattern.compile("(10\\.0|[0-9]\\.[0-9])");

  private RuleMetadata() {}

  public static RuleMeta load(String id) {
    String name = "rules/" + id + ".yaml";
    try (InputStream in = RuleMetadata.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + ": no such resource on the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(id, new SourceFile(Path.of(name), name, text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  public static List<RuleMeta> loadAll(List<String> ids) {
    List<RuleMeta> all = new ArrayList<>(ids.size());
    for (String id : ids) {
      all.add(load(id));
    }
    return List.copyOf(all);
  }

  /** Parses one metadata file; {@code expectedId} must match its {@code id} key. */
  static RuleMeta parse(String expectedId, SourceFile file) {
    TreeResult result = YamlTreeReader.read(file);
    if (!result.problems().isEmpty()) {
      InputProblem problem = result.problems().get(0);
      throw new IllegalStateException(where(problem.span()) + ": " + problem.message());
    }
    if (!(result.root() instanceof MapNode root)) {
      Span at = result.root() == null ? Span.fileStart(file.name()) : result.root().span();
      throw new IllegalStateException(where(at) + ": rule metadata must be a mapping");
    }
    Fields fields = new Fields(root);
    String id = fields.text("id");
    if (!id.equals(expectedId)) {
      throw fields.problem("id", "id '" + id + "' does not match the file name");
    }
    String name = fields.matching("name", PASCAL_CASE, "a PascalCase identifier");
    if (name.equals(id)) {
      throw fields.problem("name", "name must differ from the id");
    }
    Level level;
    try {
      level = Level.parse(fields.text("level"));
    } catch (IllegalArgumentException e) {
      throw fields.problem("level", "level must be error, warning or note");
    }
    if (level == Level.NONE) {
      throw fields.problem("level", "level must be error, warning or note");
    }
    String precision = fields.text("precision");
    if (!PRECISIONS.contains(precision)) {
      throw fields.problem("precision", "precision must be one of " + PRECISIONS.stream().sorted().toList());
    }
    List<String> formats = fields.texts("formats");
    for (String format : formats) {
      if (!FORMATS.contains(format)) {
        throw fields.problem("formats", "unknown format '" + format + "'");
      }
    }
    return new RuleMeta(
        id,
        fields.matching("slug", SLUG, "lower-case words joined by '-'"),
        name,
        fields.text("shortDescription"),
        fields.text("fullDescription"),
        fields.text("help"),
        fields.text("helpUri"),
        level,
        fields.matching("securitySeverity", SEVERITY, "a number from 0.0 to 10.0 with one decimal"),
        precision,
        fields.texts("tags"),
        formats,
        fields.parameters());
  }

  private static String where(Span span) {
    return span.file() + ":" + span.startLine();
  }

  /** The top-level keys of one file, checked as they are read. */
  private static final class Fields {
    private final MapNode root;

    Fields(MapNode root) {
      this.root = root;
      Set<String> seen = new LinkedHashSet<>();
      for (MapNode.Entry entry : root.entries()) {
        String key = entry.key().text();
        if (!KEYS.contains(key)) {
          throw new IllegalStateException(where(entry.key().span()) + ": unknown key '" + key + "'");
        }
        if (!seen.add(key)) {
          throw new IllegalStateException(where(entry.key().span()) + ": duplicate key '" + key + "'");
        }
      }
    }

    IllegalStateException problem(String key, String why) {
      Span at = root.entry(key).map(e -> e.key().span()).orElse(root.span());
      return new IllegalStateException(where(at) + ": key '" + key + "': " + why);
    }

    private Node required(String key) {
      return root.get(key).orElseThrow(() -> problem(key, "missing"));
    }

    String text(String key) {
      if (required(key) instanceof ScalarNode scalar && !scalar.isNull() && !scalar.text().isBlank()) {
        return scalar.text();
      }
      throw problem(key, "expected a non-empty text");
    }

    String matching(String key, Pattern pattern, String what) {
      String text = text(key);
      if (!pattern.matcher(text).matches()) {
        throw problem(key, "'" + text + "' is not " + what);
      }
      return text;
    }

    List<String> texts(String key) {
      if (!(required(key) instanceof SeqNode seq)) {
        throw problem(key, "expected a list");
      }
      List<String> texts = new ArrayList<>();
      for (Node item : seq.items()) {
        if (!(item instanceof ScalarNode scalar) || scalar.isNull() || scalar.text().isBlank()) {
          throw problem(key, "expected a list of texts");
        }
        texts.add(scalar.text());
      }
      return List.copyOf(texts);
    }

    Map<String, Object> parameters() {
      if (!(required("parameters") instanceof MapNode map)) {
        throw problem("parameters", "expected a mapping");
      }
      return plain(map, "parameters");
    }

    /** Texts, lists and maps: rule data needs nothing more. */
    private Map<String, Object> plain(MapNode map, String key) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (MapNode.Entry entry : map.entries()) {
        out.put(entry.key().text(), plain(entry.value(), key));
      }
      return Collections.unmodifiableMap(out);
    }

    private Object plain(Node node, String key) {
      if (node instanceof MapNode map) {
        return plain(map, key);
      }
      if (node instanceof SeqNode seq) {
        List<Object> items = new ArrayList<>();
        for (Node item : seq.items()) {
          items.add(plain(item, key));
        }
        return List.copyOf(items);
      }
      ScalarNode scalar = (ScalarNode) node;
      if (scalar.isNull()) {
        throw new IllegalStateException(where(scalar.span()) + ": key '" + key + "': null value");
      }
      return scalar.text();
    }
  }
}
