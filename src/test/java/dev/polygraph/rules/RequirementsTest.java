package dev.polygraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.testkit.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementsTest {

  private static List<String> shown(List<Requirement> requirements) {
    return requirements.stream().map(r -> r.action() + " on " + r.resource().display()).toList();
  }

  @Test
  void theCniPolicysTaggingIsOnANetworkInterface() {
    List<String> cni = shown(Requirements.ofManagedPolicy(Runs.MANAGED, Requirements.CNI));
    assertEquals(14, cni.size());
    assertEquals("ec2:AssignPrivateIpAddresses on *", cni.get(0));
    assertEquals(
        "ec2:CreateTags on arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:network-interface/eni-0",
        cni.get(13));
  }

  @Test
  void ecrPullIsWhatBothEcrPoliciesGrant() {
    assertEquals(
        List.of(
            "ecr:GetAuthorizationToken on *",
            "ecr:BatchGetImage on arn:${AWS::Partition}:ecr:${AWS::Region}:602401143452:repository/amazon-k8s-cni",
            "ecr:GetDownloadUrlForLayer on arn:${AWS::Partition}:ecr:${AWS::Region}:602401143452:repository/amazon-k8s-cni"),
        shown(Requirements.ecrPull(Runs.MANAGED)));
  }

  @Test
  void theSixIpv6Actions() {
    assertEquals(
        List.of(
            "ec2:AssignIpv6Addresses on *",
            "ec2:DescribeInstances on *",
            "ec2:DescribeTags on *",
            "ec2:DescribeNetworkInterfaces on *",
            "ec2:DescribeInstanceTypes on *",
            "ec2:CreateTags on arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:network-interface/eni-0"),
        shown(Requirements.ipv6Cni()));
  }
}
