package dev.polygraph.policy;

import dev.polygraph.source.Span;
import dev.polygraph.value.Value;
import java.util.List;

/**
 * An IAM policy document. Statements that exist only under a condition carry that guard.
 *
 * @param name what a message calls it: "AmazonEKSWorkerNodePolicy", "inline policy 'eks-node'"
 * @param version the Version element as written, or null when absent
 * @param problems what made parts of the document unreadable ("Statement is a number"); those parts
 *     are left out and make decisions that depend on them undecided
 * @param source the value the document was read from, as written: what {@link PolicyGrammar}
 *     checks (statements drop what IAM's grammar cares about, such as unknown keys); null for a
 *     document built in code
 */
public record PolicyDocument(
    String name,
    Span span,
    String version,
    List<Statement> statements,
    List<String> problems,
    Value source) {
  public PolicyDocument {
    statements = List.copyOf(statements);
    problems = List.copyOf(problems);
  }

  /** A document built in code, with no source value to check. */
  public PolicyDocument(
      String name, Span span, String version, List<Statement> statements, List<String> problems) {
    this(name, span, version, statements, problems, null);
  }
}
