package dev.polygraph.policy;

import dev.polygraph.source.Span;
import java.util.List;

/**
 * An IAM policy document. Statements that exist only under a condition carry that guard.
 *
 * @param name what a message calls it: "AmazonEKSWorkerNodePolicy", "inline policy 'eks-node'"
 * @param version the Version element as written, or null when absent
 * @param problems what made parts of the document unreadable ("Statement is a number"); those parts
 *     are left out and make decisions that depend on them undecided
 */
public record PolicyDocument(
    String name, Span span, String version, List<Statement> statements, List<String> problems) {
  public PolicyDocument {
    statements = List.copyOf(statements);
    problems = List.copyOf(problems);
  }
}
