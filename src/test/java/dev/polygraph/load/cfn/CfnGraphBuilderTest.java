package dev.polygraph.load.cfn;

import static dev.polygraph.load.cfn.Templates.attr;
import static dev.polygraph.load.cfn.Templates.parts;
import static dev.polygraph.load.cfn.Templates.pseudo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.polygraph.graph.AccessEntryNode;
import dev.polygraph.graph.AddonNode;
import dev.polygraph.graph.AutoScalingGroupNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PodIdentityAssociationNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.Statement;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol.PseudoKind;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfnGraphBuilderTest {

  private static PolicyGraph build(CfnOptions options, CfnTemplate... templates) {
    PolicyGraph.Builder out = PolicyGraph.builder();
    new CfnGraphBuilder().build(List.of(templates), options, out);
    return out.build();
  }

  private static <T extends GraphNode> T node(PolicyGraph graph, Class<T> type, String address) {
    return graph.nodes(type).stream()
        .filter(n -> n.address().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + address));
  }

  private static void assertText(Value v, Object... expected) {
    assertEquals(parts(expected), assertInstanceOf(Text.class, v).parts());
  }

  /** A logical ID written at column 3 of {@code line}. */
  private static Span id(String file, int line, String logicalId) {
    return new Span(file, line, 3, line, 3 + logicalId.length());
  }

  private static final CfnTemplate NODES =
      Templates.read(
          "nodes.yaml",
          String.join(
              "\n",
              "AWSTemplateFormatVersion: '2010-09-09'", //                               1
              "Parameters:", //                                                          2
              "  ClusterName: {Type: String, Default: prod}", //                         3
              "  UseSsm: {Type: String, Default: 'no'}", //                              4
              "  Family: {Type: String}", //                                             5
              "Mappings:", //                                                            6
              "  ServicePrincipalPartitionMap:", //                                      7
              "    aws: {EC2: ec2.amazonaws.com}", //                                    8
              "Conditions:", //                                                          9
              "  WithSsm: !Equals [!Ref UseSsm, 'yes']", //                             10
              "  IsIpv6: !Equals [!Ref Family, ipv6]", //                               11
              "Resources:", //                                                          12
              "  NodeInstanceRole:", //                                                 13
              "    Type: AWS::IAM::Role", //                                            14
              "    Properties:", //                                                     15
              "      RoleName: !Sub '${ClusterName}-nodes'", //                         16
              "      AssumeRolePolicyDocument:", //                                     17
              "        Version: 2012-10-17", //                                         18
              "        Statement:", //                                                  19
              "          - Effect: Allow", //                                           20
              "            Action: ['sts:AssumeRole']", //                              21
              "            Principal:", //                                              22
              "              Service:", //                                              23
              "                - !FindInMap [ServicePrincipalPartitionMap, !Ref AWS::Partition,"
                  + " EC2]", // 24
              "      ManagedPolicyArns:", //                                            25
              "        - !Sub"
                  + " arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy", // 26
              "        - !If [IsIpv6, !Ref AWS::NoValue, !Sub"
                  + " 'arn:${AWS::Partition}:iam::aws:policy/AmazonEKS_CNI_Policy']", // 27
              "      PermissionsBoundary: !If [IsIpv6, arn:aws:iam::1:policy/b, !Ref"
                  + " AWS::NoValue]", // 28
              "      Policies:", //                                                     29
              "        - PolicyName: ecr", //                                           30
              "          PolicyDocument:", //                                           31
              "            Statement:", //                                              32
              "              - {Effect: Allow, Action: 'ecr:*', Resource: '*'}", //      33
              "        - !If", //                                                       34
              "          - IsIpv6", //                                                  35
              "          - PolicyName: ipv6", //                                        36
              "            PolicyDocument: {Statement: [{Effect: Allow, Action:"
                  + " 'ec2:AssignIpv6Addresses', Resource: '*'}]}", // 37
              "          - !Ref AWS::NoValue", //                                       38
              "  SsmPolicy:", //                                                        39
              "    Type: AWS::IAM::ManagedPolicy", //                                   40
              "    Condition: WithSsm", //                                              41
              "    Properties:", //                                                     42
              "      Roles: [!Ref NodeInstanceRole]", //                                43
              "      PolicyDocument: {Statement: [{Effect: Allow, Action: 'ssm:*', Resource:"
                  + " '*'}]}", // 44
              "  CniPolicy:", //                                                        45
              "    Type: AWS::IAM::ManagedPolicy", //                                   46
              "    Condition: IsIpv6", //                                               47
              "    Properties:", //                                                     48
              "      ManagedPolicyName: cni-ipv6", //                                   49
              "      Roles: [!Ref NodeInstanceRole]", //                                50
              "      PolicyDocument: {Statement: [{Effect: Allow, Action:"
                  + " 'ec2:AssignIpv6Addresses', Resource: '*'}]}", // 51
              "  ExtraPolicy:", //                                                      52
              "    Type: AWS::IAM::Policy", //                                          53
              "    Properties:", //                                                     54
              "      PolicyName: extra", //                                             55
              "      Roles: [!Ref NodeInstanceRole]", //                                56
              "      PolicyDocument: {Statement: [{Effect: Allow, Action: 'ec2:DescribeTags',"
                  + " Resource: '*'}]}", // 57
              "  RolePolicy:", //                                                       58
              "    Type: AWS::IAM::RolePolicy", //                                      59
              "    Properties:", //                                                     60
              "      PolicyName: one", //                                               61
              "      RoleName: !Ref NodeInstanceRole", //                               62
              "      PolicyDocument: {Statement: [{Effect: Allow, Action: 'ec2:DescribeTags',"
                  + " Resource: '*'}]}", // 63
              "  NodeInstanceProfile:", //                                              64
              "    Type: AWS::IAM::InstanceProfile", //                                 65
              "    Properties:", //                                                     66
              "      Roles: [!Ref NodeInstanceRole]", //                                67
              "  NodeLaunchTemplate:", //                                               68
              "    Type: AWS::EC2::LaunchTemplate", //                                  69
              "    Properties:", //                                                     70
              "      LaunchTemplateName: nodes", //                                     71
              "      LaunchTemplateData:", //                                           72
              "        IamInstanceProfile: {Arn: !GetAtt NodeInstanceProfile.Arn}", //   73
              "        UserData: !Base64", //                                           74
              "          Fn::Sub: |", //                                                75
              "            #!/bin/bash", //                                             76
              "            /etc/eks/bootstrap.sh ${ClusterName}", //                    77
              "  Cluster:", //                                                          78
              "    Type: AWS::EKS::Cluster", //                                         79
              "    Properties:", //                                                     80
              "      Name: !Ref ClusterName", //                                        81
              "      RoleArn: !GetAtt ClusterRole.Arn", //                              82
              "      KubernetesNetworkConfig: {IpFamily: ipv6}", //                     83
              "      ComputeConfig: {Enabled: false, NodeRoleArn: !GetAtt NodeInstanceRole.Arn}", // 84
              "  ClusterRole:", //                                                      85
              "    Type: AWS::IAM::Role", //                                            86
              "  ManagedNodeGroup:", //                                                 87
              "    Type: AWS::EKS::Nodegroup", //                                       88
              "    Properties:", //                                                     89
              "      NodegroupName: ng-1", //                                           90
              "      ClusterName: !Ref Cluster", //                                     91
              "      NodeRole: !GetAtt NodeInstanceRole.Arn", //                        92
              "      LaunchTemplate: {Name: nodes, Version: '1'}", //                   93
              "  VpcCni:", //                                                           94
              "    Type: AWS::EKS::Addon", //                                           95
              "    Properties:", //                                                     96
              "      AddonName: vpc-cni", //                                            97
              "      ClusterName: !Ref Cluster", //                                     98
              "      ServiceAccountRoleArn: !GetAtt CniRole.Arn", //                    99
              "      PodIdentityAssociations:", //                                     100
              "        - {ServiceAccount: aws-node, RoleArn: !GetAtt CniRole.Arn}", //  101
              "        - {ServiceAccount: other, RoleArn: !GetAtt ClusterRole.Arn}", // 102
              "  CniRole:", //                                                         103
              "    Type: AWS::IAM::Role", //                                           104
              "  CniAssociation:", //                                                  105
              "    Type: AWS::EKS::PodIdentityAssociation", //                         106
              "    Properties:", //                                                    107
              "      ClusterName: !Ref Cluster", //                                    108
              "      Namespace: kube-system", //                                       109
              "      ServiceAccount: aws-node", //                                     110
              "      RoleArn: !GetAtt CniRole.Arn", //                                 111
              "  NodeAccess:", //                                                      112
              "    Type: AWS::EKS::AccessEntry", //                                    113
              "    Properties:", //                                                    114
              "      ClusterName: !Ref Cluster", //                                    115
              "      PrincipalArn: !GetAtt NodeInstanceRole.Arn", //                   116
              "      Type: EC2_LINUX", //                                              117
              "  Bucket:", //                                                          118
              "    Type: AWS::S3::Bucket", //                                          119
              ""));

  @Test
  void everyKnownResourceTypeBecomesANodeAndOthersAreIgnored() {
    PolicyGraph graph = build(CfnOptions.none(), NODES);
    assertEquals(
        List.of(
            "Cluster",
            "ClusterRole",
            "CniAssociation",
            "CniPolicy",
            "CniRole",
            "ExtraPolicy",
            "ManagedNodeGroup",
            "NodeAccess",
            "NodeInstanceProfile",
            "NodeInstanceRole",
            "NodeLaunchTemplate",
            "RolePolicy",
            "VpcCni"),
        graph.nodes().stream().map(GraphNode::address).toList());
  }

  @Test
  void roleWithTrustInlineManagedArnsAndBoundary() {
    RoleNode role = node(build(CfnOptions.none(), NODES), RoleNode.class, "NodeInstanceRole");
    assertEquals(new NodeId("nodes.yaml", "NodeInstanceRole"), role.id());
    assertEquals(id("nodes.yaml", 13, "NodeInstanceRole"), role.span());
    assertEquals(Guard.ALWAYS, role.guard());
    assertText(role.name(), "prod-nodes");

    PolicyDocument trust = role.trust();
    assertEquals("trust policy of 'NodeInstanceRole'", trust.name());
    assertEquals("2012-10-17", trust.version());
    assertEquals(List.of(), trust.problems());
    Statement assume = trust.statements().get(0);
    assertText(assume.principal().of("Service").get(0), "ec2.amazonaws.com");
    assertEquals(
        new Span("nodes.yaml", 24, 19, 24, 86), assume.principal().of("Service").get(0).span());

    assertEquals(2, role.inline().size());
    assertEquals(Guard.ALWAYS, role.inline().get(0).guard());
    assertEquals("inline policy 'ecr'", role.inline().get(0).value().name());
    assertText(role.inline().get(0).value().statements().get(0).actions().get(0), "ecr:*");
    assertEquals(Guard.of("IsIpv6", true), role.inline().get(1).guard());
    assertEquals("inline policy 'ipv6'", role.inline().get(1).value().name());

    List<Guarded<Value>> arns = role.managedPolicyArns();
    assertEquals(2, arns.size());
    assertEquals(Guard.ALWAYS, arns.get(0).guard());
    assertText(
        arns.get(0).value(),
        "arn:",
        pseudo(PseudoKind.PARTITION),
        ":iam::aws:policy/AmazonEKSWorkerNodePolicy");
    assertEquals(Guard.of("IsIpv6", false), arns.get(1).guard());
    assertText(
        arns.get(1).value(),
        "arn:",
        pseudo(PseudoKind.PARTITION),
        ":iam::aws:policy/AmazonEKS_CNI_Policy");
    assertEquals(new Span("nodes.yaml", 25, 7, 25, 24), role.managedPolicyArnsSpan());

    assertEquals(Guard.of("IsIpv6", true), role.boundary().guard());
    assertText(role.boundary().value(), "arn:aws:iam::1:policy/b");
  }

  @Test
  void roleWithoutPropertiesHasNulls() {
    RoleNode role = node(build(CfnOptions.none(), NODES), RoleNode.class, "ClusterRole");
    assertEquals(id("nodes.yaml", 85, "ClusterRole"), role.span());
    assertNull(role.name());
    assertNull(role.trust());
    assertEquals(List.of(), role.inline());
    assertEquals(List.of(), role.managedPolicyArns());
    assertNull(role.managedPolicyArnsSpan());
    assertNull(role.boundary());
  }

  @Test
  void resourceConditionGuardsOrSkips() {
    PolicyGraph graph = build(CfnOptions.none(), NODES);
    // WithSsm is decided false by UseSsm's default: SsmPolicy is not made.
    assertEquals(0, graph.nodes().stream().filter(n -> n.address().equals("SsmPolicy")).count());
    ManagedPolicyNode cni = node(graph, ManagedPolicyNode.class, "CniPolicy");
    assertEquals(Guard.of("IsIpv6", true), cni.guard());
    assertEquals(id("nodes.yaml", 45, "CniPolicy"), cni.span());

    PolicyGraph pinned = build(new CfnOptions(Map.of("UseSsm", "yes", "Family", "ipv4")), NODES);
    ManagedPolicyNode ssm = node(pinned, ManagedPolicyNode.class, "SsmPolicy");
    assertEquals(Guard.ALWAYS, ssm.guard());
    assertEquals(0, pinned.nodes().stream().filter(n -> n.address().equals("CniPolicy")).count());
  }

  @Test
  void managedAndInlinePolicies() {
    PolicyGraph graph = build(CfnOptions.none(), NODES);
    ManagedPolicyNode cni = node(graph, ManagedPolicyNode.class, "CniPolicy");
    assertText(cni.name(), "cni-ipv6");
    assertEquals("managed policy 'cni-ipv6'", cni.document().name());
    assertText(cni.document().statements().get(0).actions().get(0), "ec2:AssignIpv6Addresses");
    assertEquals(1, cni.roles().size());
    assertText(cni.roles().get(0).value(), attr("nodes.yaml", "NodeInstanceRole", "Ref"));

    InlinePolicyNode extra = node(graph, InlinePolicyNode.class, "ExtraPolicy");
    assertEquals(id("nodes.yaml", 52, "ExtraPolicy"), extra.span());
    assertText(extra.name(), "extra");
    assertEquals("inline policy 'extra'", extra.document().name());
    assertText(extra.roles().get(0).value(), attr("nodes.yaml", "NodeInstanceRole", "Ref"));

    InlinePolicyNode one = node(graph, InlinePolicyNode.class, "RolePolicy");
    assertEquals("inline policy 'one'", one.document().name());
    assertEquals(1, one.roles().size());
    assertText(one.roles().get(0).value(), attr("nodes.yaml", "NodeInstanceRole", "Ref"));
    assertEquals(new Span("nodes.yaml", 62, 17, 62, 38), one.roles().get(0).value().span());
  }

  @Test
  void instanceProfileAndLaunchTemplate() {
    PolicyGraph graph = build(CfnOptions.none(), NODES);
    InstanceProfileNode profile = node(graph, InstanceProfileNode.class, "NodeInstanceProfile");
    assertEquals(id("nodes.yaml", 64, "NodeInstanceProfile"), profile.span());
    assertNull(profile.name());
    assertText(profile.roles().get(0).value(), attr("nodes.yaml", "NodeInstanceRole", "Ref"));

    LaunchTemplateNode lt = node(graph, LaunchTemplateNode.class, "NodeLaunchTemplate");
    assertEquals(id("nodes.yaml", 68, "NodeLaunchTemplate"), lt.span());
    assertText(lt.name(), "nodes");
    assertText(lt.instanceProfile(), attr("nodes.yaml", "NodeInstanceProfile", "Arn"));
    assertEquals("user data runs '/etc/eks/bootstrap.sh'", lt.eksNodeEvidence());
  }

  @Test
  void clusterNodeGroupAddonAssociationAccessEntry() {
    PolicyGraph graph = build(CfnOptions.none(), NODES);
    ClusterNode cluster = node(graph, ClusterNode.class, "Cluster");
    assertEquals(id("nodes.yaml", 78, "Cluster"), cluster.span());
    assertText(cluster.name(), "prod");
    assertText(cluster.roleArn(), attr("nodes.yaml", "ClusterRole", "Arn"));
    assertText(cluster.ipFamily(), "ipv6");
    assertText(cluster.autoMode(), "false");
    assertText(cluster.autoModeNodeRole(), attr("nodes.yaml", "NodeInstanceRole", "Arn"));

    NodeGroupNode ng = node(graph, NodeGroupNode.class, "ManagedNodeGroup");
    assertEquals(id("nodes.yaml", 87, "ManagedNodeGroup"), ng.span());
    assertText(ng.name(), "ng-1");
    assertText(ng.cluster(), attr("nodes.yaml", "Cluster", "Ref"));
    assertText(ng.nodeRole(), attr("nodes.yaml", "NodeInstanceRole", "Arn"));
    assertEquals(new Span("nodes.yaml", 92, 17, 92, 45), ng.nodeRole().span());
    assertText(ng.launchTemplate(), "nodes");

    AddonNode addon = node(graph, AddonNode.class, "VpcCni");
    assertText(addon.addonName(), "vpc-cni");
    assertText(addon.cluster(), attr("nodes.yaml", "Cluster", "Ref"));
    assertText(addon.serviceAccountRole(), attr("nodes.yaml", "CniRole", "Arn"));
    assertEquals(1, addon.podIdentityRoles().size());
    assertEquals(Guard.ALWAYS, addon.podIdentityRoles().get(0).guard());
    assertText(addon.podIdentityRoles().get(0).value(), attr("nodes.yaml", "CniRole", "Arn"));

    PodIdentityAssociationNode pia =
        node(graph, PodIdentityAssociationNode.class, "CniAssociation");
    assertEquals(id("nodes.yaml", 105, "CniAssociation"), pia.span());
    assertText(pia.namespace(), "kube-system");
    assertText(pia.serviceAccount(), "aws-node");
    assertText(pia.role(), attr("nodes.yaml", "CniRole", "Arn"));

    AccessEntryNode entry = node(graph, AccessEntryNode.class, "NodeAccess");
    assertEquals(id("nodes.yaml", 112, "NodeAccess"), entry.span());
    assertText(entry.cluster(), attr("nodes.yaml", "Cluster", "Ref"));
    assertText(entry.principalArn(), attr("nodes.yaml", "NodeInstanceRole", "Arn"));
    assertText(entry.type(), "EC2_LINUX");
  }

  @Test
  void missingPropertiesAreNull() {
    CfnTemplate t =
        Templates.yaml(
            "Resources:",
            "  Ng:",
            "    Type: AWS::EKS::Nodegroup",
            "  Addon:",
            "    Type: AWS::EKS::Addon",
            "  Lt:",
            "    Type: AWS::EC2::LaunchTemplate",
            "    Properties:",
            "      LaunchTemplateData: {ImageId: ami-123}",
            "  Eks:",
            "    Type: AWS::EKS::Cluster");
    PolicyGraph graph = build(CfnOptions.none(), t);
    NodeGroupNode ng = node(graph, NodeGroupNode.class, "Ng");
    assertNull(ng.name());
    assertNull(ng.cluster());
    assertNull(ng.nodeRole());
    assertNull(ng.launchTemplate());
    AddonNode addon = node(graph, AddonNode.class, "Addon");
    assertNull(addon.serviceAccountRole());
    assertEquals(List.of(), addon.podIdentityRoles());
    LaunchTemplateNode lt = node(graph, LaunchTemplateNode.class, "Lt");
    assertNull(lt.name());
    assertNull(lt.instanceProfile());
    assertNull(lt.eksNodeEvidence());
    ClusterNode eks = node(graph, ClusterNode.class, "Eks");
    assertNull(eks.ipFamily());
    assertNull(eks.autoMode());
    assertNull(eks.autoModeNodeRole());
  }

  @Test
  void launchTemplateEvidenceFromNodeadmAndOptimizedAmi() {
    CfnTemplate t =
        Templates.yaml(
            "Parameters:",
            "  Ami:",
            "    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>",
            "    Default: /aws/service/eks/optimized-ami/1.29/amazon-linux-2/recommended/image_id",
            "Conditions:",
            "  Big: !Equals [!Ref AWS::Region, us-east-1]",
            "Resources:",
            "  Al2023:",
            "    Type: AWS::EC2::LaunchTemplate",
            "    Properties:",
            "      LaunchTemplateData:",
            "        IamInstanceProfile: !If [Big, {Arn: big-profile-arn, Name: ignored}, {Name:"
                + " small-profile}]",
            "        UserData:",
            "          Fn::Base64: |",
            "            apiVersion: node.eks.aws/v1alpha1",
            "            kind: NodeConfig",
            "  ByAmi:",
            "    Type: AWS::EC2::LaunchTemplate",
            "    Properties:",
            "      LaunchTemplateData: {ImageId: !Ref Ami}",
            "  ByResolve:",
            "    Type: AWS::EC2::LaunchTemplate",
            "    Properties:",
            "      LaunchTemplateData:",
            "        ImageId:"
                + " '{{resolve:ssm:/aws/service/eks/optimized-ami/1.30/amazon-linux-2-arm64/recommended/image_id}}'",
            "  Legacy:",
            "    Type: AWS::AutoScaling::LaunchConfiguration",
            "    Properties:",
            "      LaunchConfigurationName: legacy",
            "      IamInstanceProfile: !Ref Profile",
            "      UserData: !Base64 {'Fn::Join': ['', ['#!/bin/bash\\n', 'nodeadm init']]}",
            "  Profile:",
            "    Type: AWS::IAM::InstanceProfile");
    PolicyGraph graph = build(CfnOptions.none(), t);

    LaunchTemplateNode al2023 = node(graph, LaunchTemplateNode.class, "Al2023");
    assertEquals("user data holds a nodeadm NodeConfig ('node.eks.aws')", al2023.eksNodeEvidence());
    OneOf profile = assertInstanceOf(OneOf.class, al2023.instanceProfile());
    assertEquals(Guard.of("Big", true), profile.branches().get(0).guard());
    assertText(profile.branches().get(0).value(), "big-profile-arn");
    assertEquals(Guard.of("Big", false), profile.branches().get(1).guard());
    assertText(profile.branches().get(1).value(), "small-profile");

    assertEquals(
        "the image is an EKS optimized AMI (SSM parameter"
            + " '/aws/service/eks/optimized-ami/1.29/amazon-linux-2/recommended/image_id')",
        node(graph, LaunchTemplateNode.class, "ByAmi").eksNodeEvidence());
    assertEquals(
        "the image is an EKS optimized AMI (SSM parameter"
            + " '/aws/service/eks/optimized-ami/1.30/amazon-linux-2-arm64/recommended/image_id')",
        node(graph, LaunchTemplateNode.class, "ByResolve").eksNodeEvidence());

    LaunchTemplateNode legacy = node(graph, LaunchTemplateNode.class, "Legacy");
    assertEquals(id("t.yaml", 26, "Legacy"), legacy.span());
    assertText(legacy.name(), "legacy");
    assertText(legacy.instanceProfile(), attr("t.yaml", "Profile", "Ref"));
    assertEquals("user data runs 'nodeadm'", legacy.eksNodeEvidence());
  }

  @Test
  void jsonTemplatesHaveTheSameNodes() {
    CfnTemplate t =
        Templates.read(
            "role.json",
            String.join(
                "\n",
                "{",
                "  \"Resources\": {",
                "    \"NodeRole\": {",
                "      \"Type\": \"AWS::IAM::Role\",",
                "      \"Properties\": {",
                "        \"ManagedPolicyArns\": [{\"Fn::Sub\":"
                    + " \"arn:${AWS::Partition}:iam::aws:policy/X\"}]",
                "      }",
                "    }",
                "  }",
                "}",
                ""));
    RoleNode role = node(build(CfnOptions.none(), t), RoleNode.class, "NodeRole");
    assertEquals(new Span("role.json", 3, 5, 3, 15), role.span());
    assertEquals(new Span("role.json", 6, 9, 6, 28), role.managedPolicyArnsSpan());
    assertText(
        role.managedPolicyArns().get(0).value(),
        "arn:",
        pseudo(PseudoKind.PARTITION),
        ":iam::aws:policy/X");
    assertEquals(
        new Span("role.json", 6, 31, 6, 85), role.managedPolicyArns().get(0).value().span());
  }

  @Test
  void autoScalingGroupsNameTheirLaunchTemplateAndShowTheClusterTag() {
    CfnTemplate t =
        Templates.yaml(
            "Parameters:",
            "  ClusterName: {Type: String}",
            "Resources:",
            "  ByName:",
            "    Type: AWS::AutoScaling::AutoScalingGroup",
            "    Properties:",
            "      LaunchTemplate: {LaunchTemplateName: nodes, Version: '1'}",
            "      Tags:",
            "        - {Key: team, Value: eks, PropagateAtLaunch: true}",
            "        - {Key: !Sub 'kubernetes.io/cluster/${ClusterName}', Value: owned, PropagateAtLaunch: true}",
            "  Mixed:",
            "    Type: AWS::AutoScaling::AutoScalingGroup",
            "    Properties:",
            "      MixedInstancesPolicy:",
            "        LaunchTemplate:",
            "          LaunchTemplateSpecification: {LaunchTemplateId: !Ref Template, Version: '1'}",
            "  ByConfiguration:",
            "    Type: AWS::AutoScaling::AutoScalingGroup",
            "    Properties:",
            "      LaunchConfigurationName: !Ref Configuration",
            "      Tags: [{Key: Name, Value: nodes, PropagateAtLaunch: true}]",
            "  Bare:",
            "    Type: AWS::AutoScaling::AutoScalingGroup",
            "  Template:",
            "    Type: AWS::EC2::LaunchTemplate",
            "  Configuration:",
            "    Type: AWS::AutoScaling::LaunchConfiguration");
    PolicyGraph graph = build(CfnOptions.none(), t);
    String file = "t.yaml";

    AutoScalingGroupNode byName = node(graph, AutoScalingGroupNode.class, "ByName");
    assertEquals(id(file, 4, "ByName"), byName.span());
    assertText(byName.launchTemplate(), "nodes");
    assertEquals("tagged 'kubernetes.io/cluster/${ClusterName}'", byName.eksNodeEvidence());

    AutoScalingGroupNode mixed = node(graph, AutoScalingGroupNode.class, "Mixed");
    assertText(mixed.launchTemplate(), attr(file, "Template", "Ref"));
    assertNull(mixed.eksNodeEvidence());

    AutoScalingGroupNode byConfiguration = node(graph, AutoScalingGroupNode.class, "ByConfiguration");
    assertText(byConfiguration.launchTemplate(), attr(file, "Configuration", "Ref"));
    assertNull(byConfiguration.eksNodeEvidence());

    AutoScalingGroupNode bare = node(graph, AutoScalingGroupNode.class, "Bare");
    assertNull(bare.launchTemplate());
    assertNull(bare.eksNodeEvidence());
  }
}
