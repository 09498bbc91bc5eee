package dev.polygraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionCatalogTest {

  private static final ActionCatalog CATALOG = ActionCatalog.load();

  @Test
  void knowsActionsIgnoringCase() {
    assertTrue(CATALOG.exists("ec2:DescribeInstances"));
    assertTrue(CATALOG.exists("EC2:describeinstances"));
    assertTrue(CATALOG.exists("eks-auth:AssumeRoleForPodIdentity"));
    assertFalse(CATALOG.exists("ec2:DescribeInstance"));
    assertFalse(CATALOG.exists("s3:GetObject"));
    assertFalse(CATALOG.exists("ec2:Describe*"));
    assertEquals(Optional.of("ecr:GetAuthorizationToken"), CATALOG.canonical("ECR:getauthorizationtoken"));
    assertEquals(Optional.empty(), CATALOG.canonical("ecr:GetAuthToken"));
  }

  @Test
  void knowsWhichServicesItCovers() {
    assertTrue(CATALOG.knowsService("ec2"));
    assertTrue(CATALOG.knowsService("EKS-Auth"));
    assertFalse(CATALOG.knowsService("eks-")); // a prefix of a service is no service
    assertFalse(CATALOG.knowsService("s3"));
  }

  @Test
  void matchingGivesCanonicalNamesSorted() {
    assertEquals(List.of("eks-auth:AssumeRoleForPodIdentity"), CATALOG.matching("EKS-AUTH:*"));
    assertEquals(
        List.of("ecr:BatchGetImage", "ecr:BatchGetRepositoryScanningConfiguration"),
        CATALOG.matching("ECR:batchget*"));
    assertEquals(List.of("ecr:GetAuthorizationToken"), CATALOG.matching("ecr:Get?uth*"));
    assertEquals(List.of("ecr:GetLifecyclePolicy", "ecr:GetRegistryPolicy", "ecr:GetRepositoryPolicy"), CATALOG.matching("ecr:Get*Policy"));
    assertEquals(List.of("sts:AssumeRole"), CATALOG.matching("sts:assumerole"));
    assertEquals(List.of(), CATALOG.matching("s3:*"));
    assertEquals(1167, CATALOG.matching("*").size());
    assertEquals(826, CATALOG.matching("ec2:*").size());
  }

  @Test
  void actionsOfAServiceAreItsCanonicalNames() {
    assertEquals(List.of("eks-auth:AssumeRoleForPodIdentity"), CATALOG.actionsOf("EKS-Auth"));
    assertEquals(826, CATALOG.actionsOf("ec2").size());
    assertEquals("ec2:AcceptAddressTransfer", CATALOG.actionsOf("ec2").get(0));
    assertEquals(List.of(), CATALOG.actionsOf("eks-"));
  }

  @Test
  void suggestsTheNearestActionOfTheSameService() {
    assertEquals(Optional.of("ec2:DescribeInstances"), CATALOG.suggestion("ec2:DescribeInstance"));
    assertEquals(Optional.of("iam:PassRole"), CATALOG.suggestion("IAM:passroles"));
    assertEquals(Optional.of("ecr:BatchGetImage"), CATALOG.suggestion("ecr:BatchGetImgae"));
    assertEquals(Optional.of("sts:TagSession"), CATALOG.suggestion("sts:TagSessions"));
    // Nothing near enough: no guess.
    assertEquals(Optional.empty(), CATALOG.suggestion("ecr:GetAuthToken"));
    assertEquals(Optional.empty(), CATALOG.suggestion("DescribeInstances"));
  }

  @Test
  void correctsTheHeadOfAPatternThatMatchesNothing() {
    assertEquals(Optional.of("ecr:BatchGetImage*"), CATALOG.suggestion("ecr:BatchGetImages*"));
    assertEquals(Optional.of("ec2:Describe*"), CATALOG.suggestion("ec2:Descirbe*"));
    assertEquals(Optional.of("ec2:Describe?nstances"), CATALOG.suggestion("ec2:Descrbe?nstances"));
    assertEquals(Optional.empty(), CATALOG.suggestion("ecr:DownloadLayer*"));
    assertEquals(Optional.empty(), CATALOG.suggestion("ec2:*Frobnicate"));
  }
}
