package dev.polygraph.load.cfn;

import static dev.polygraph.load.cfn.Templates.attr;
import static dev.polygraph.load.cfn.Templates.parts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.source.Span;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfnExportsTest {

  /** eksctl's node group stack: the role ARN exported under the stack's own name. */
  private static final CfnTemplate EKSCTL_NODES =
      Templates.read(
          "eksctl-nodes.yaml",
          String.join(
              "\n",
              "Resources:",
              "  NodeInstanceRole:",
              "    Type: AWS::IAM::Role",
              "Outputs:",
              "  InstanceRoleARN:",
              "    Value: !GetAtt NodeInstanceRole.Arn",
              "    Export:",
              "      Name: !Sub ${AWS::StackName}::NodeInstanceRoleARN",
              ""));

  private static final CfnTemplate NAMED_ROLE =
      Templates.read(
          "roles.yaml",
          String.join(
              "\n",
              "Parameters:",
              "  Prefix: {Type: String, Default: eks}",
              "Conditions:",
              "  Never: !Equals [a, b]",
              "Resources:",
              "  WorkerRole:",
              "    Type: AWS::IAM::Role",
              "Outputs:",
              "  Role:",
              "    Value: !GetAtt WorkerRole.Arn",
              "    Export: {Name: !Sub '${Prefix}-worker-role-arn'}",
              "  Hidden:",
              "    Condition: Never",
              "    Value: hidden",
              "    Export: {Name: hidden-export}",
              "  NotExported:",
              "    Value: x",
              ""));

  private static final CfnTemplate CLUSTER =
      Templates.read(
          "cluster.yaml",
          String.join(
              "\n",
              "Resources:",
              "  LiteralImport:",
              "    Type: AWS::EKS::Nodegroup",
              "    Properties:",
              "      NodeRole: !ImportValue eks-worker-role-arn",
              "  StackImport:",
              "    Type: AWS::EKS::Nodegroup",
              "    Properties:",
              "      NodeRole: !ImportValue eksctl-prod-nodegroup-ng-1::NodeInstanceRoleARN",
              "  Missing:",
              "    Type: AWS::EKS::Nodegroup",
              "    Properties:",
              "      NodeRole: !ImportValue hidden-export",
              "  Computed:",
              "    Type: AWS::EKS::Nodegroup",
              "    Properties:",
              "      NodeRole: {'Fn::ImportValue': !Sub '${AWS::Region}-role'}",
              ""));

  private static NodeGroupNode nodeGroup(PolicyGraph graph, String address) {
    return graph.nodes(NodeGroupNode.class).stream()
        .filter(n -> n.address().equals(address))
        .findFirst()
        .orElseThrow();
  }

  private static PolicyGraph build(CfnTemplate... templates) {
    PolicyGraph.Builder out = PolicyGraph.builder();
    new CfnGraphBuilder().build(List.of(templates), CfnOptions.none(), out);
    return out.build();
  }

  @Test
  void literalExportNameLinksToTheOtherFile() {
    Value role = nodeGroup(build(CLUSTER, NAMED_ROLE, EKSCTL_NODES), "LiteralImport").nodeRole();
    assertEquals(
        parts(attr("roles.yaml", "WorkerRole", "Arn")), assertInstanceOf(Text.class, role).parts());
    // Located at the import, in the importing file.
    assertEquals(new Span("cluster.yaml", 5, 17, 5, 49), role.span());
  }

  @Test
  void stackNameInExportNameMatchesAnyStack() {
    Value role = nodeGroup(build(CLUSTER, NAMED_ROLE, EKSCTL_NODES), "StackImport").nodeRole();
    assertEquals(
        parts(attr("eksctl-nodes.yaml", "NodeInstanceRole", "Arn")),
        assertInstanceOf(Text.class, role).parts());
  }

  @Test
  void exportsOfDisabledOutputsAndAbsentExportsAreUnknown() {
    PolicyGraph graph = build(CLUSTER, NAMED_ROLE, EKSCTL_NODES);
    assertEquals(
        "no export named 'hidden-export' in the scanned templates",
        assertInstanceOf(Unknown.class, nodeGroup(graph, "Missing").nodeRole()).reason());
    assertEquals(
        "no export named '${AWS::Region}-role' in the scanned templates",
        assertInstanceOf(Unknown.class, nodeGroup(graph, "Computed").nodeRole()).reason());
  }

  @Test
  void severalMatchingExportsAreUnknown() {
    CfnTemplate other =
        Templates.read(
            "other-nodes.yaml",
            String.join(
                "\n",
                "Resources:",
                "  Role:",
                "    Type: AWS::IAM::Role",
                "Outputs:",
                "  Arn:",
                "    Value: !GetAtt Role.Arn",
                "    Export: {Name: !Sub '${AWS::StackName}::NodeInstanceRoleARN'}",
                ""));
    Value role = nodeGroup(build(CLUSTER, EKSCTL_NODES, other), "StackImport").nodeRole();
    assertEquals(
        "several exports match 'eksctl-prod-nodegroup-ng-1::NodeInstanceRoleARN': "
            + "'${AWS::StackName}::NodeInstanceRoleARN' in eksctl-nodes.yaml, "
            + "'${AWS::StackName}::NodeInstanceRoleARN' in other-nodes.yaml",
        assertInstanceOf(Unknown.class, role).reason());
  }

  @Test
  void pinnedStackNameMustMatchExactly() {
    PolicyGraph.Builder out = PolicyGraph.builder();
    new CfnGraphBuilder()
        .build(
            List.of(CLUSTER, EKSCTL_NODES),
            new CfnOptions(Map.of("AWS::StackName", "other-stack")),
            out);
    assertEquals(
        "no export named 'eksctl-prod-nodegroup-ng-1::NodeInstanceRoleARN' in the scanned"
            + " templates",
        assertInstanceOf(Unknown.class, nodeGroup(out.build(), "StackImport").nodeRole()).reason());
  }

  @Test
  void chainedImportsAreNotFollowed() {
    CfnTemplate relay =
        Templates.read(
            "relay.yaml",
            String.join(
                "\n",
                "Resources: {}",
                "Outputs:",
                "  Again:",
                "    Value: !ImportValue eks-worker-role-arn",
                "    Export: {Name: relayed}",
                "  Extra:",
                "    Value: x",
                "    Export: {Name: eks-worker-role-arn-2}",
                ""));
    CfnTemplate user =
        Templates.read(
            "user.yaml",
            String.join(
                "\n",
                "Resources:",
                "  Ng:",
                "    Type: AWS::EKS::Nodegroup",
                "    Properties: {NodeRole: !ImportValue relayed}",
                ""));
    Value role = nodeGroup(build(user, relay, NAMED_ROLE), "Ng").nodeRole();
    assertEquals(
        "'eks-worker-role-arn' is imported by an exported value; chained imports are not followed",
        assertInstanceOf(Unknown.class, role).reason());
  }
}
