package dev.polygraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.graph.PolicyGraph;
import org.junit.jupiter.api.Test;

class FixSyntaxTest {

  private final PolicyGraph graph = PolicyGraph.builder().accountFile("dump.json").build();

  @Test
  void aFixWritesThePartitionTheWayTheFindingsFileDoes() {
    assertEquals("arn:${data.aws_partition.current.partition}:iam::aws:policy/X",
        FixSyntax.awsPolicy(graph, "infra/main.tf", "X"));
    assertEquals("arn:${AWS::Partition}:iam::aws:policy/X", FixSyntax.awsPolicy(graph, "nodes.yaml", "X"));
    assertEquals("arn:${AWS::Partition}:iam::aws:policy/X", FixSyntax.awsPolicy(graph, "template.json", "X"));
    assertEquals("arn:aws:iam::aws:policy/X", FixSyntax.awsPolicy(graph, "dump.json", "X"));
    assertEquals("arn:aws:iam::aws:policy/X", FixSyntax.awsPolicy(graph, "create-nodes.sh", "X"));
  }
}
