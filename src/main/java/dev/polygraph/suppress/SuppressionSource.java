package dev.polygraph.suppress;

import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scanned file as the suppress stage sees it: its lines (for comments), its located tree or, for a
 * script, its command spans (for the blocks a comment above them covers) and whether it is a CloudFormation template (for
 * {@code Metadata}).
 *
 * @param tree the file's located tree, or null when it did not parse
 * @param commentMarkers what starts a comment in its format; empty for JSON, which has none
 * @param blocks for a file without a tree (a script): the spans a suppression above their first
 *     line covers (its commands, with continuation lines and here-documents)
 * @param text for a file without a tree: the spans in which a comment marker is text
 */
public record SuppressionSource(
    SourceFile file,
    Node tree,
    List<String> commentMarkers,
    boolean cloudFormation,
    List<Span> blocks,
    List<Span> text) {

  public SuppressionSource {
    Objects.requireNonNull(file, "file");
    commentMarkers = List.copyOf(commentMarkers);
    blocks = List.copyOf(blocks);
    text = List.copyOf(text);
  }

  public SuppressionSource(
      SourceFile file, Node tree, List<String> commentMarkers, boolean cloudFormation) {
    this(file, tree, commentMarkers, cloudFormation, List.of(), List.of());
  }

  /** A shell script: {@code #} comments, its commands as blocks, its words as text. */
  public static SuppressionSource script(SourceFile file, List<Span> commands, List<Span> text) {
    return new SuppressionSource(file, null, SuppressionComments.HASH, false, commands, text);
  }

  /**
   * A Terraform (HCL) file: {@code #} and {@code //} line comments (not {@code /* *}{@code /}), its
   * blocks and attributes as blocks, its strings and heredocs as text.
   */
  public static SuppressionSource hcl(SourceFile file, List<Span> blocks, List<Span> text) {
    return new SuppressionSource(file, null, SuppressionComments.HASH_AND_SLASHES, false, blocks, text);
  }

  /** A YAML or JSON file, told apart by its name; CloudFormation when it is a template. */
  public static SuppressionSource yamlOrJson(SourceFile file, Node tree, boolean cloudFormation) {
    boolean json = file.name().toLowerCase(Locale.ROOT).endsWith(".json");
    return new SuppressionSource(file, tree, json ? List.of() : SuppressionComments.HASH, cloudFormation);
  }

  List<Directive> directives() {
    List<Directive> out = new ArrayList<>();
    if (!commentMarkers.isEmpty()) {
      SourceBlocks lines = tree == null ? SourceBlocks.of(blocks, text) : SourceBlocks.of(tree);
      out.addAll(SuppressionComments.scan(file, lines, commentMarkers));
    }
    if (cloudFormation && tree instanceof MapNode template) {
      out.addAll(CfnMetadataIgnores.read(file.name(), template));
    }
    return out;
  }
}
