package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.G;
import dev.polygraph.testkit.Runs;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardCodedPartitionTest {

  private final Rule rule = new HardCodedPartition();

  @Test
  void thePartitionPseudoParameterPasses() {
    RoleNode role = Scene.classicNodeRole().inline(Cni.ipv6Policy()).build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role, Scene.workers())));
  }

  @Test
  void aHardCodedManagedPolicyArnFiresAtTheItem() {
    Span item = span(F, 21, 11, 52);
    RoleNode role =
        Scene.nodeRole().managed(Text.of("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", item)).build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role));

    assertEquals(1, findings.size());
    Finding f = findings.get(0);
    assertEquals(
        "The managed policy ARN 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy' hard-codes the partition"
            + " 'aws'; it breaks in other partitions (China, GovCloud).",
        f.message());
    assertEquals(Level.NOTE, f.level());
    assertEquals(item, f.location().span());
    assertEquals("NodeRole", f.location().address());
    assertEquals(
        "write the partition of the deployment instead of 'aws', e.g. arn:${AWS::Partition}:...", f.help());
  }

  @Test
  void resourcesNodeRoleArnsAndSubsFireOncePerValue() {
    Span nodeRoleArn = at(F, 53);
    NodeGroupNode ng =
        new NodeGroupNode(
            new NodeId(F, "Workers"), span(F, 50, 3, 7), Guard.ALWAYS, null, null,
            G.sub(nodeRoleArn, "arn:aws:iam::", G.account(), ":role/eks-nodes"), null);
    RoleNode role = Scene.nodeRole().inline(Cni.ipv6Policy(Cni.DESCRIBES, "arn:aws:ec2:*:*:network-interface/*")).build();
    List<Finding> findings = Runs.run(rule, Runs.graph(role, ng));

    assertEquals(2, findings.size());
    assertEquals(span(F, 38, 13, 5), findings.get(0).location().span());
    assertEquals(
        "The resource 'arn:aws:ec2:*:*:network-interface/*' hard-codes the partition 'aws'; it breaks in other"
            + " partitions (China, GovCloud).",
        findings.get(0).message());
    assertEquals(nodeRoleArn, findings.get(1).location().span());
    assertEquals(
        "The node role ARN 'arn:aws:iam::${AWS::AccountId}:role/eks-nodes' hard-codes the partition 'aws'; it"
            + " breaks in other partitions (China, GovCloud).",
        findings.get(1).message());
  }

  @Test
  void otherPartitionsAreNotFlagged() {
    RoleNode role =
        Scene.nodeRole()
            .managed(Text.of("arn:aws-us-gov:iam::aws:policy/AmazonEKSWorkerNodePolicy", at(F, 21)))
            .build();
    assertEquals(List.of(), Runs.run(rule, Runs.graph(role)));
  }

  @Test
  void aHardCodedArnInAPolicyAttachmentFiresAtItsValue() {
    String tf = "main.tf";
    Span arn = span(tf, 12, 16, 51);
    PolicyAttachmentNode attachment =
        new PolicyAttachmentNode(
            new NodeId(tf, "aws_iam_role_policy_attachment.worker"), span(tf, 10, 1, 60), Guard.ALWAYS,
            List.of(Guarded.always(G.attr(tf, "aws_iam_role.node", "name", at(tf, 11)))),
            Text.of("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", arn));
    List<Finding> findings = Runs.run(rule, Runs.graph(attachment));

    assertEquals(
        List.of(
            "main.tf:12:16 aws_iam_role_policy_attachment.worker The managed policy ARN"
                + " 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy' hard-codes the partition 'aws'; it breaks in"
                + " other partitions (China, GovCloud)."),
        findings.stream()
            .map(f -> f.location().span() + " " + f.location().address() + " " + f.message())
            .toList());
    assertEquals(arn, findings.get(0).location().span());
  }
}
