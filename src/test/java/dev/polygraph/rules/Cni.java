package dev.polygraph.rules;

import static dev.polygraph.rules.Scene.F;
import static dev.polygraph.testkit.G.at;
import static dev.polygraph.testkit.G.attr;
import static dev.polygraph.testkit.G.span;

import dev.polygraph.graph.AddonNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.G;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Text;
import java.util.ArrayList;
import java.util.List;

/** VPC CNI pieces for the CNI rules' tests. */
final class Cni {

  static final List<String> DESCRIBES =
      List.of("ec2:DescribeInstances", "ec2:DescribeTags", "ec2:DescribeNetworkInterfaces", "ec2:DescribeInstanceTypes");

  private Cni() {}

  /**
   * The EKS user guide's IPv6 CNI policy from line 30: a statement on line 32 (Action key 33,
   * Resource key 34) and the CreateTags statement on line 36 (Action key 37, Resource key 38).
   */
  static PolicyDocument ipv6Policy(List<String> actions, Object createTagsResource) {
    Span s = at(F, 30);
    return G.policy(
        "inline policy 'ipv6-cni'",
        s,
        G.allow(G.next(s, 2), actions, "*"),
        G.allow(G.next(s, 6), "ec2:CreateTags", createTagsResource));
  }

  static PolicyDocument ipv6Policy() {
    List<String> actions = new ArrayList<>();
    actions.add("ec2:AssignIpv6Addresses");
    actions.addAll(DESCRIBES);
    return ipv6Policy(actions, networkInterfaces());
  }

  static Text networkInterfaces() {
    return G.sub(at(F, 38), "arn:", G.partition(), ":ec2:*:*:network-interface/*");
  }

  /** The vpc-cni add-on of 'Cluster' on line 60, with its IRSA role 'CniRole'. */
  static AddonNode addon() {
    return new AddonNode(
        new NodeId(F, "VpcCni"),
        span(F, 60, 3, 6),
        Guard.ALWAYS,
        Text.of("vpc-cni", at(F, 62)),
        attr(F, "Cluster", "Ref", at(F, 63)),
        attr(F, "CniRole", "Arn", at(F, 64)),
        List.of());
  }
}
