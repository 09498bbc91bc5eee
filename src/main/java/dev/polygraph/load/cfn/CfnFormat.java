package dev.polygraph.load.cfn;

import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.tree.YamlTreeReader;
import java.util.List;
import java.util.Locale;

/**
 * Tells CloudFormation templates apart from the other JSON and YAML files of a repository
 * (package.json, IAM policies, Kubernetes manifests, eksctl configs, docker-compose files).
 */
public final class CfnFormat {
  private static final List<String> EXTENSIONS =
      List.of(".yaml", ".yml", ".json", ".template", ".tmpl");
  private static final List<String> RESOURCE_TYPE_PREFIXES = List.of("AWS::", "Custom::", "Alexa::");

  private CfnFormat() {}

  /** Whether the file's name says it may be a template; its content decides ({@link #isTemplate}). */
  public static boolean isCandidate(SourceFile f) {
    String name = f.name().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /** Reads the file as JSON when it is JSON ({@code .json}, or a {@code .template} opening with '{'), else as YAML. */
  public static TreeResult read(SourceFile f) {
    return isJson(f) ? JsonTreeReader.read(f) : YamlTreeReader.read(f);
  }

  /**
   * A template declares {@code AWSTemplateFormatVersion}, or has a {@code Resources} map with at
   * least one resource whose {@code Type} is a CloudFormation resource type.
   */
  public static boolean isTemplate(Node root) {
    if (!(root instanceof MapNode)) {
      return false;
    }
    MapNode template = (MapNode) root;
    if (template.entry("AWSTemplateFormatVersion").isPresent()) {
      return true;
    }
    return template
        .get("Resources")
        .filter(MapNode.class::isInstance)
        .map(MapNode.class::cast)
        .map(resources -> resources.entries().stream().anyMatch(e -> isResource(e.value())))
        .orElse(false);
  }

  private static boolean isResource(Node node) {
    if (!(node instanceof MapNode)) {
      return false;
    }
    return ((MapNode) node)
        .get("Type")
        .filter(ScalarNode.class::isInstance)
        .map(type -> ((ScalarNode) type).text())
        .map(type -> RESOURCE_TYPE_PREFIXES.stream().anyMatch(type::startsWith))
        .orElse(false);
  }

  private static boolean isJson(SourceFile f) {
    String name = f.name().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return true;
    }
    return name.endsWith(".template") && firstNonSpace(f.text()) == '{';
  }

  private static int firstNonSpace(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // A byte-order mark is not content.
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c;
      }
    }
    return -1;
  }
}
