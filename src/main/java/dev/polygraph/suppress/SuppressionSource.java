package dev.polygraph.suppress;

import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scanned file as the suppress stage sees it: its lines (for comments), its located tree (for the
 * blocks a comment above them covers) and whether it is a CloudFormation template (for
 * {@code Metadata}).
 *
 * @param tree the file's located tree, or null when it did not parse
 * @param commentMarkers what starts a comment in its format; empty for JSON, which has none
 */
public record SuppressionSource(
    SourceFile file, Node tree, List<String> commentMarkers, boolean cloudFormation) {

  public SuppressionSource {
    Objects.requireNonNull(file, "file");
    commentMarkers = List.copyOf(commentMarkers);
  }

  /** A YAML or JSON file, told apart by its name; CloudFormation when it is a template. */
  public static SuppressionSource yamlOrJson(SourceFile file, Node tree, boolean cloudFormation) {
    boolean json = file.name().toLowerCase(Locale.ROOT).endsWith(".json");
    return new SuppressionSource(file, tree, json ? List.of() : SuppressionComments.HASH, cloudFormation);
  }

  List<Directive> directives() {
    List<Directive> out = new ArrayList<>();
    if (!commentMarkers.isEmpty()) {
      SourceBlocks blocks = tree == null ? SourceBlocks.NONE : SourceBlocks.of(tree);
      out.addAll(SuppressionComments.scan(file, blocks, commentMarkers));
    }
    if (cloudFormation && tree instanceof MapNode template) {
      out.addAll(CfnMetadataIgnores.read(file.name(), template));
    }
    return out;
  }
}
