package dev.polygraph.rules;

import dev.polygraph.graph.PolicyGraph;

/**
 * How a fix writes the partition of an ARN in the file the finding is in: a template takes the
 * deployment's partition from its own language; an account file or a CLI script names one.
 */
final class FixSyntax {

  private FixSyntax() {}

  static String partition(PolicyGraph graph, String file) {
    if (file.endsWith(".tf") || file.endsWith(".tfvars")) {
      return "${data.aws_partition.current.partition}";
    }
    if (graph.isAccountFile(file) || file.endsWith(".sh") || file.endsWith(".bash")) {
      return "aws";
    }
    return "${AWS::Partition}";
  }

  /** "arn:<partition>:iam::aws:policy/NAME" as the file writes it. */
  static String awsPolicy(PolicyGraph graph, String file, String name) {
    return "arn:" + partition(graph, file) + ":iam::aws:policy/" + name;
  }
}
