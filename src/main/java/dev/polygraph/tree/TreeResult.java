package dev.polygraph.tree;

import dev.polygraph.source.InputProblem;
import java.util.List;

/**
 * What a tree reader made of one file: the located tree and every problem met on the way.
 *
 * @param root the document's root node; {@code null} when the file could not be parsed or holds no
 *     document at all (empty, or only comments)
 * @param problems in the order they were found; never {@code null}
 */
public record TreeResult(Node root, List<InputProblem> problems) {
  public TreeResult {
    problems = List.copyOf(problems);
  }
}
