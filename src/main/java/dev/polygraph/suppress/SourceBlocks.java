package dev.polygraph.suppress;

import dev.polygraph.source.Span;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the blocks of one located tree start and end, by line: a mapping entry runs from its key to
 * the end of its value, a list item over its own lines. A suppression written above a block's first
 * line covers the whole block (the resource, the policy statement). Format-neutral: any loader's
 * tree will do.
 */
final class SourceBlocks {
  static final SourceBlocks NONE = new SourceBlocks(Map.of(), List.of());

  private final Map<Integer, Integer> lastLineByFirstLine;
  private final List<Span> scalars;

  private SourceBlocks(Map<Integer, Integer> lastLineByFirstLine, List<Span> scalars) {
    this.lastLineByFirstLine = Map.copyOf(lastLineByFirstLine);
    this.scalars = List.copyOf(scalars);
  }

  static SourceBlocks of(Node root) {
    Map<Integer, Integer> blocks = new HashMap<>();
    List<Span> scalars = new ArrayList<>();
    collect(root, blocks, scalars);
    return new SourceBlocks(blocks, scalars);
  }

  /**
   * Blocks and text given as spans by a loader without a tree (a script's commands and words): a
   * suppression above a block's first line covers it to its last line.
   */
  static SourceBlocks of(List<Span> blocks, List<Span> text) {
    Map<Integer, Integer> lines = new HashMap<>();
    for (Span b : blocks) {
      add(lines, b.startLine(), b.endLine());
    }
    return new SourceBlocks(lines, text);
  }

  /**
   * Whether the position is inside a scalar's text: a "#" in a quoted string or a block scalar is
   * text, not a comment.
   */
  boolean insideScalar(int line, int column) {
    for (Span s : scalars) {
      boolean afterStart = line > s.startLine() || (line == s.startLine() && column >= s.startColumn());
      boolean beforeEnd = line < s.endLine() || (line == s.endLine() && column < s.endColumn());
      if (afterStart && beforeEnd) {
        return true;
      }
    }
    return false;
  }

  /** The last line of the largest block starting on {@code line}, or {@code line} when none does. */
  int lastLine(int line) {
    return lastLineByFirstLine.getOrDefault(line, line);
  }

  private static void collect(Node node, Map<Integer, Integer> blocks, List<Span> scalars) {
    // Iterative: the tree's depth is bounded by the loader, but a stack of our own costs nothing.
    ArrayDeque<Node> pending = new ArrayDeque<>();
    pending.push(node);
    while (!pending.isEmpty()) {
      Node n = pending.pop();
      if (n instanceof ScalarNode scalar) {
        scalars.add(scalar.span());
      } else if (n instanceof MapNode map) {
        for (MapNode.Entry e : map.entries()) {
          add(blocks, e.key().span().startLine(), e.value().span().endLine());
          pending.push(e.key());
          pending.push(e.value());
        }
      } else if (n instanceof SeqNode seq) {
        for (Node item : seq.items()) {
          add(blocks, item.span().startLine(), item.span().endLine());
          pending.push(item);
        }
      }
    }
  }

  private static void add(Map<Integer, Integer> blocks, int first, int last) {
    blocks.merge(first, Math.max(first, last), Math::max);
  }
}
