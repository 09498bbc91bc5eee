package dev.polygraph.load.tf.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.load.tf.Shown;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.Statement;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TfResourcesTest {

  private static final String NODES =
      """
      data "aws_partition" "current" {}

      data "aws_iam_policy_document" "assume_role_policy" {
        statement {
          sid     = "EKSNodeAssumeRole"
          actions = ["sts:AssumeRole"]
          principals {
            type        = "Service"
            identifiers = ["ec2.amazonaws.com"]
          }
        }
      }

      resource "aws_iam_role" "this" {
        name_prefix          = "workers-"
        assume_role_policy   = data.aws_iam_policy_document.assume_role_policy.json
        permissions_boundary = var.boundary_arn
        managed_policy_arns = [
          "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy",
        ]
        inline_policy {
          name   = "ecr"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ecr:*", Resource = "*" }] })
        }
        dynamic "inline_policy" {
          for_each = var.enable_ssm ? ["ssm"] : []
          content {
            name   = inline_policy.value
            policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "ssm:*", Resource = "*" }] })
          }
        }
      }

      resource "aws_iam_role_policy_attachment" "this" {
        for_each   = { for k, v in local.policies : k => v }
        policy_arn = each.value
        role       = aws_iam_role.this.name
      }

      resource "aws_iam_policy_attachment" "legacy" {
        name       = "legacy"
        policy_arn = aws_iam_policy.cni.arn
        roles      = [aws_iam_role.this.name, "legacy-nodes"]
      }

      resource "aws_iam_role_policy" "extra" {
        name   = "extra"
        role   = aws_iam_role.this.id
        policy = <<-EOT
          {
            "Version": "2012-10-17",
            "Statement": [
              {"Effect": "Allow", "Action": "ec2:AssignPrivateIpAddresses", "Resource": "*"}
            ]
          }
        EOT
      }

      resource "aws_iam_policy" "cni" {
        name   = "${var.name}-cni"
        policy = data.aws_iam_policy_document.assume_role_policy.json
      }

      resource "aws_iam_instance_profile" "this" {
        name = "workers"
        role = var.create_role ? aws_iam_role.this.name : var.role_name
      }

      locals {
        policies = {
          cni = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKS_CNI_Policy"
        }
      }
      """;

  private static final String TFVARS =
      """
      boundary_arn = "arn:aws:iam::111122223333:policy/boundary"
      name         = "demo"
      role_name    = "byo-nodes"
      """;

  private static final String EKS =
      """
      resource "aws_eks_cluster" "this" {
        name     = "demo"
        role_arn = var.cluster_role_arn
        kubernetes_network_config {
          ip_family = var.ip_family
        }
        dynamic "compute_config" {
          for_each = var.auto_mode ? [1] : []
          content {
            enabled       = true
            node_role_arn = aws_iam_role.this.arn
          }
        }
      }

      resource "aws_eks_node_group" "this" {
        cluster_name    = aws_eks_cluster.this.name
        node_group_name = "workers"
        node_role_arn   = aws_iam_role.this.arn
        launch_template {
          id      = aws_launch_template.this.id
          version = aws_launch_template.this.latest_version
        }
      }

      resource "aws_eks_addon" "vpc_cni" {
        cluster_name             = aws_eks_cluster.this.name
        addon_name               = "vpc-cni"
        service_account_role_arn = null
        pod_identity_association {
          role_arn        = "arn:aws:iam::111122223333:role/cni"
          service_account = "aws-node"
        }
        pod_identity_association {
          role_arn        = "arn:aws:iam::111122223333:role/other"
          service_account = "other"
        }
      }

      resource "aws_eks_pod_identity_association" "cni" {
        cluster_name    = aws_eks_cluster.this.name
        namespace       = "kube-system"
        service_account = "aws-node"
        role_arn        = aws_iam_role.this.arn
      }

      resource "aws_eks_access_entry" "nodes" {
        cluster_name  = aws_eks_cluster.this.name
        principal_arn = aws_iam_role.this.arn
        type          = "EC2_LINUX"
      }

      resource "aws_iam_role" "this" {
        name               = "nodes"
        assume_role_policy = "{}"
      }

      resource "aws_launch_template" "this" {
        name_prefix = "workers-"
      }
      """;

  private static final String SELF_MANAGED =
      """
      data "aws_ssm_parameter" "ami" {
        name = "/aws/service/eks/optimized-ami/1.31/amazon-linux-2/recommended/image_id"
      }

      resource "aws_launch_template" "bootstrap" {
        name     = "workers"
        image_id = "ami-0123456789abcdef0"
        iam_instance_profile {
          name = aws_iam_instance_profile.this.name
        }
        user_data = base64encode(<<-EOT
          #!/bin/bash
          /etc/eks/bootstrap.sh ${var.cluster_name}
        EOT
        )
      }

      resource "aws_launch_template" "al2023" {
        name_prefix = "al2023-"
        user_data = base64gzip(<<-EOT
          ---
          apiVersion: node.eks.aws/v1alpha1
          kind: NodeConfig
        EOT
        )
      }

      resource "aws_launch_template" "ami" {
        name     = "by-ami"
        image_id = nonsensitive(data.aws_ssm_parameter.ami.value)
      }

      resource "aws_launch_template" "web" {
        name     = "web"
        image_id = "ami-0123456789abcdef0"
      }

      resource "aws_launch_configuration" "legacy" {
        name                 = "legacy"
        image_id             = data.aws_ssm_parameter.ami.value
        iam_instance_profile = aws_iam_instance_profile.this.arn
      }

      resource "aws_autoscaling_group" "workers" {
        mixed_instances_policy {
          launch_template {
            launch_template_specification {
              launch_template_id = aws_launch_template.bootstrap.id
            }
          }
        }
        dynamic "tag" {
          for_each = { "kubernetes.io/cluster/${var.cluster_name}" = "owned", Name = "workers" }
          content {
            key                 = tag.key
            value               = tag.value
            propagate_at_launch = true
          }
        }
      }

      resource "aws_autoscaling_group" "legacy" {
        launch_configuration = aws_launch_configuration.legacy.name
        tags = [{ key = "eks:cluster-name", value = "demo", propagate_at_launch = true }]
      }

      resource "aws_autoscaling_group" "web" {
        launch_template {
          name = "web"
        }
        tag {
          key                 = "Name"
          value               = "web"
          propagate_at_launch = true
        }
      }

      resource "aws_iam_instance_profile" "this" {
        name_prefix = "workers-"
        role        = "nodes"
      }

      resource "aws_instance" "bastion" {
        ami = "ami-0123456789abcdef0"
      }
      """;

  private static <T extends GraphNode> T node(PolicyGraph graph, Class<T> type, String address) {
    return graph.nodes(type).stream()
        .filter(n -> n.address().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + address));
  }

  /** Where {@code needle} first stands in {@code text}: "line:col-line:col". */
  private static String spanOf(String text, String needle) {
    int at = text.indexOf(needle);
    String before = text.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = at - before.lastIndexOf('\n');
    return line + ":" + column + "-" + line + ":" + (column + needle.length());
  }

  private static String items(List<Guarded<Value>> items) {
    return items.stream()
        .map(i -> (i.guard().isAlways() ? "" : i.guard().terms() + " ") + Shown.of(i.value()))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static Text resourceAttr(String address, String attribute) {
    return Text.of(new Symbol.ResourceAttr(TestModule.FILE, address, attribute), null);
  }

  private static void assertSymbol(Text expected, Value actual) {
    assertEquals(expected.parts(), ((Text) actual).parts());
  }

  @Test
  void aRoleWithItsTrustInlinePoliciesManagedArnsAndBoundary() {
    PolicyGraph graph = new TestModule(NODES, TFVARS).graph();
    RoleNode role = node(graph, RoleNode.class, "aws_iam_role.this");
    assertEquals(new NodeId("main.tf", "aws_iam_role.this"), role.id());
    assertEquals(spanOf(NODES, "resource \"aws_iam_role\" \"this\""), Shown.at(role.span()));
    assertEquals(Guard.ALWAYS, role.guard());
    assertNull(role.name(), "only name_prefix: the name is generated");

    assertEquals("trust policy of 'aws_iam_role.this'", role.trust().name());
    assertEquals(List.of(), role.trust().problems());
    Statement trust = role.trust().statements().get(0);
    assertEquals("EKSNodeAssumeRole", trust.sid());
    assertEquals("['ec2.amazonaws.com']", trust.principal().byType().get("Service").stream()
        .map(Shown::of).collect(Collectors.joining(", ", "[", "]")));

    assertEquals(2, role.inline().size());
    Guarded<PolicyDocument> ecr = role.inline().get(0);
    assertEquals(Guard.ALWAYS, ecr.guard());
    assertEquals("inline policy 'ecr'", ecr.value().name());
    assertEquals("['ecr:*']", Shown.of(new dev.polygraph.value.ListValue(ecr.value().statements().get(0).actions(), null)));
    Guarded<PolicyDocument> ssm = role.inline().get(1);
    assertEquals(Guard.of("var.enable_ssm", true), ssm.guard());
    assertEquals("inline policy 'ssm'", ssm.value().name());

    assertEquals(
        "['arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy']", items(role.managedPolicyArns()));
    assertEquals(spanOf(NODES, "managed_policy_arns"), Shown.at(role.managedPolicyArnsSpan()));
    assertEquals(Guard.ALWAYS, role.boundary().guard());
    assertEquals("'arn:aws:iam::111122223333:policy/boundary'", Shown.of(role.boundary().value()));
  }

  @Test
  void attachmentsPoliciesAndInstanceProfiles() {
    TestModule m = new TestModule(NODES, TFVARS);
    PolicyGraph graph = m.graph();

    PolicyAttachmentNode legacy = node(graph, PolicyAttachmentNode.class, "aws_iam_policy_attachment.legacy");
    assertEquals("['${aws_iam_role.this.name}', 'legacy-nodes']", items(legacy.roles()));
    assertSymbol(resourceAttr("aws_iam_role.this", "name"), legacy.roles().get(0).value());
    assertSymbol(resourceAttr("aws_iam_policy.cni", "arn"), legacy.policyArn());

    InlinePolicyNode extra = node(graph, InlinePolicyNode.class, "aws_iam_role_policy.extra");
    assertEquals("'extra'", Shown.of(extra.name()));
    assertEquals("inline policy 'extra'", extra.document().name());
    assertEquals(List.of(), extra.document().problems());
    assertEquals(
        "'ec2:AssignPrivateIpAddresses'", Shown.of(extra.document().statements().get(0).actions().get(0)));
    assertEquals("['${aws_iam_role.this.id}']", items(extra.roles()));

    ManagedPolicyNode cni = node(graph, ManagedPolicyNode.class, "aws_iam_policy.cni");
    assertEquals("'demo-cni'", Shown.of(cni.name()));
    assertEquals("managed policy 'demo-cni'", cni.document().name());
    assertEquals(1, cni.document().statements().size());
    assertEquals(List.of(), cni.roles());

    InstanceProfileNode profile = node(graph, InstanceProfileNode.class, "aws_iam_instance_profile.this");
    assertEquals("'workers'", Shown.of(profile.name()));
    assertEquals(
        "[oneOf(var.create_role: '${aws_iam_role.this.name}' | !var.create_role: 'byo-nodes')]",
        items(profile.roles()));
  }

  @Test
  void aForEachAttachmentInstanceReadsEachAndKeepsItsGuard() {
    TestModule m = new TestModule(NODES, TFVARS);
    TfInstance base = m.instance("aws_iam_role_policy_attachment.this");
    Value each =
        new MapValue(
            List.of(
                new MapValue.Entry("key", base.span(), Text.of("cni", base.span())),
                new MapValue.Entry(
                    "value",
                    base.span(),
                    Text.of("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy", base.span()))),
            base.span());
    Guard guard = Guard.of("var.create", true);
    TfInstance cni =
        new TfInstance(
            base.type(),
            false,
            new NodeId("main.tf", "aws_iam_role_policy_attachment.this[\"cni\"]"),
            base.span(),
            guard,
            base.block(),
            base.evaluator().bind("each", each));
    PolicyGraph.Builder out = PolicyGraph.builder();
    TfResources.map(cni, out);
    PolicyAttachmentNode node = (PolicyAttachmentNode) out.build().nodes().get(0);
    assertEquals(cni.id(), node.id());
    assertEquals(guard, node.guard());
    assertEquals(spanOf(NODES, "resource \"aws_iam_role_policy_attachment\" \"this\""), Shown.at(node.span()));
    assertEquals("'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy'", Shown.of(node.policyArn()));
    assertEquals("['${aws_iam_role.this.name}']", items(node.roles()));
  }

  @Test
  void dataSourcesMakeNoNodes() {
    TestModule m = new TestModule(NODES, TFVARS);
    PolicyGraph.Builder out = PolicyGraph.builder();
    TfResources.map(m.instance("data.aws_iam_policy_document.assume_role_policy"), out);
    assertEquals(List.of(), out.build().nodes());
  }

  @Test
  void clusterNodeGroupAddonAssociationAndAccessEntry() {
    PolicyGraph graph = new TestModule(EKS, "cluster_role_arn = \"arn:aws:iam::111122223333:role/cluster\"\nip_family = \"ipv6\"\n").graph();

    ClusterNode cluster = node(graph, ClusterNode.class, "aws_eks_cluster.this");
    assertEquals(spanOf(EKS, "resource \"aws_eks_cluster\" \"this\""), Shown.at(cluster.span()));
    assertEquals("'demo'", Shown.of(cluster.name()));
    assertEquals("'arn:aws:iam::111122223333:role/cluster'", Shown.of(cluster.roleArn()));
    assertEquals("'ipv6'", Shown.of(cluster.ipFamily()));
    assertEquals("oneOf(var.auto_mode: 'true' | !var.auto_mode: absent)", Shown.of(cluster.autoMode()));
    assertEquals(
        "oneOf(var.auto_mode: '${aws_iam_role.this.arn}' | !var.auto_mode: absent)", Shown.of(cluster.autoModeNodeRole()));

    NodeGroupNode group = node(graph, NodeGroupNode.class, "aws_eks_node_group.this");
    assertEquals("'workers'", Shown.of(group.name()));
    assertEquals("'demo'", Shown.of(group.cluster()));
    assertEquals("'nodes'", Shown.of(node(graph, RoleNode.class, "aws_iam_role.this").name()));
    assertSymbol(resourceAttr("aws_iam_role.this", "arn"), group.nodeRole());
    assertSymbol(resourceAttr("aws_launch_template.this", "id"), group.launchTemplate());

    AddonNode addon = node(graph, AddonNode.class, "aws_eks_addon.vpc_cni");
    assertEquals("'vpc-cni'", Shown.of(addon.addonName()));
    assertEquals("'demo'", Shown.of(addon.cluster()));
    assertNull(addon.serviceAccountRole(), "null is as if unset");
    assertEquals("['arn:aws:iam::111122223333:role/cni']", items(addon.podIdentityRoles()));

    PodIdentityAssociationNode pia =
        node(graph, PodIdentityAssociationNode.class, "aws_eks_pod_identity_association.cni");
    assertEquals("'demo'", Shown.of(pia.cluster()));
    assertEquals("'kube-system'", Shown.of(pia.namespace()));
    assertEquals("'aws-node'", Shown.of(pia.serviceAccount()));
    assertSymbol(resourceAttr("aws_iam_role.this", "arn"), pia.role());

    AccessEntryNode entry = node(graph, AccessEntryNode.class, "aws_eks_access_entry.nodes");
    assertEquals("'demo'", Shown.of(entry.cluster()));
    assertSymbol(resourceAttr("aws_iam_role.this", "arn"), entry.principalArn());
    assertEquals("'EC2_LINUX'", Shown.of(entry.type()));
  }

  @Test
  void aClusterWithoutNetworkOrComputeConfigLeavesThemUnset() {
    PolicyGraph graph =
        new TestModule(
                """
                resource "aws_eks_cluster" "plain" {
                  name     = "plain"
                  role_arn = "arn:aws:iam::111122223333:role/cluster"
                }
                """)
            .graph();
    ClusterNode cluster = node(graph, ClusterNode.class, "aws_eks_cluster.plain");
    assertNull(cluster.ipFamily());
    assertNull(cluster.autoMode());
    assertNull(cluster.autoModeNodeRole());
  }

  @Test
  void launchTemplatesShowEksNodesByUserDataOrOptimizedAmi() {
    PolicyGraph graph = new TestModule(SELF_MANAGED, "cluster_name = \"demo\"\n").graph();

    LaunchTemplateNode bootstrap = node(graph, LaunchTemplateNode.class, "aws_launch_template.bootstrap");
    assertEquals("'workers'", Shown.of(bootstrap.name()));
    assertSymbol(resourceAttr("aws_iam_instance_profile.this", "name"), bootstrap.instanceProfile());
    assertEquals("user data runs '/etc/eks/bootstrap.sh'", bootstrap.eksNodeEvidence());

    LaunchTemplateNode al2023 = node(graph, LaunchTemplateNode.class, "aws_launch_template.al2023");
    assertNull(al2023.name());
    assertNull(al2023.instanceProfile());
    assertEquals("user data holds a nodeadm NodeConfig ('node.eks.aws')", al2023.eksNodeEvidence());

    String optimized =
        "the image is an EKS optimized AMI (SSM parameter"
            + " '/aws/service/eks/optimized-ami/1.31/amazon-linux-2/recommended/image_id')";
    assertEquals(optimized, node(graph, LaunchTemplateNode.class, "aws_launch_template.ami").eksNodeEvidence());
    assertNull(node(graph, LaunchTemplateNode.class, "aws_launch_template.web").eksNodeEvidence());

    LaunchTemplateNode legacy = node(graph, LaunchTemplateNode.class, "aws_launch_configuration.legacy");
    assertEquals("'legacy'", Shown.of(legacy.name()));
    assertSymbol(resourceAttr("aws_iam_instance_profile.this", "arn"), legacy.instanceProfile());
    assertEquals(optimized, legacy.eksNodeEvidence());
  }

  @Test
  void autoScalingGroupsNameTheirTemplateAndShowClusterTags() {
    PolicyGraph graph = new TestModule(SELF_MANAGED, "cluster_name = \"demo\"\n").graph();

    AutoScalingGroupNode workers = node(graph, AutoScalingGroupNode.class, "aws_autoscaling_group.workers");
    assertEquals(spanOf(SELF_MANAGED, "resource \"aws_autoscaling_group\" \"workers\""), Shown.at(workers.span()));
    assertSymbol(resourceAttr("aws_launch_template.bootstrap", "id"), workers.launchTemplate());
    assertEquals("tagged 'kubernetes.io/cluster/demo'", workers.eksNodeEvidence());

    AutoScalingGroupNode legacy = node(graph, AutoScalingGroupNode.class, "aws_autoscaling_group.legacy");
    assertEquals("'legacy'", Shown.of(legacy.launchTemplate()));
    assertEquals("tagged 'eks:cluster-name'", legacy.eksNodeEvidence());

    AutoScalingGroupNode web = node(graph, AutoScalingGroupNode.class, "aws_autoscaling_group.web");
    assertEquals("'web'", Shown.of(web.launchTemplate()));
    assertNull(web.eksNodeEvidence());

    assertEquals(
        List.of(
            "aws_autoscaling_group.legacy",
            "aws_autoscaling_group.web",
            "aws_autoscaling_group.workers",
            "aws_iam_instance_profile.this",
            "aws_launch_configuration.legacy",
            "aws_launch_template.al2023",
            "aws_launch_template.ami",
            "aws_launch_template.bootstrap",
            "aws_launch_template.web"),
        graph.nodes().stream().map(GraphNode::address).toList(),
        "aws_instance and data sources make no nodes");
  }
}
