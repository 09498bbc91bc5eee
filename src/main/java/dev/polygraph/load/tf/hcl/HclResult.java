package dev.polygraph.load.tf.hcl;

import dev.polygraph.source.InputProblem;
import java.util.List;
import java.util.Objects;

/**
 * What parsing one HCL file gave: its body, and the problems found. A file with a syntax error
 * yields an empty body, as Terraform refuses such a file whole.
 */
public record HclResult(Body body, List<InputProblem> problems) {

  public HclResult {
    Objects.requireNonNull(body, "body");
    problems = List.copyOf(problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }
}
