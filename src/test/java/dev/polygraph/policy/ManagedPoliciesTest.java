package dev.polygraph.policy;

import static dev.polygraph.policy.V.pseudo;
import static dev.polygraph.policy.V.sub;
import static dev.polygraph.policy.V.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.source.Span;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Symbol.PseudoKind;
import dev.polygraph.value.Text;
import java.io.BufferedReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManagedPoliciesTest {

  private static final ManagedPolicies POLICIES = ManagedPolicies.load();

  @Test
  void everyIndexedPolicyLoadsWithoutProblems() throws Exception {
    List<String> index;
    try (BufferedReader r = ManagedPolicies.open(ManagedPolicies.FOLDER + "index.txt")) {
      index = r.lines().toList();
    }
    assertEquals(12, index.size());
    assertEquals(
        index.stream().map(f -> f.substring(0, f.length() - ".json".length())).sorted().toList(),
        List.copyOf(POLICIES.names()));
    for (String name : POLICIES.names()) {
      PolicyDocument doc = POLICIES.byName(name).orElseThrow();
      assertEquals(name, doc.name());
      assertEquals(List.of(), doc.problems(), name);
      assertEquals("2012-10-17", doc.version(), name);
      assertTrue(!doc.statements().isEmpty(), name);
      for (Statement st : doc.statements()) {
        assertTrue(st.effect() != null && !st.actions().isEmpty() && !st.resources().isEmpty(), name);
      }
    }
  }

  @Test
  void spansAreRealPositionsInTheShippedFile() {
    PolicyDocument doc = POLICIES.byName("AmazonEKSWorkerNodePolicy").orElseThrow();
    String file = "rules/aws-managed-policies/AmazonEKSWorkerNodePolicy.json";
    assertEquals(new Span(file, 1, 1, 22, 2), doc.span());
    Statement st = doc.statements().get(0);
    assertEquals(new Span(file, 4, 5, 20, 6), st.span());
    assertEquals("WorkerNodePermissions", st.sid());
    assertEquals(new Span(file, 7, 7, 7, 15), st.actionSpan());
    assertEquals(new Span(file, 19, 7, 19, 17), st.resourceSpan());
    assertEquals(new Span(file, 8, 9, 8, 32), st.actions().get(0).span());
  }

  @Test
  void workerNodePolicyAllowsDescribeInstancesOnStar() {
    PolicyDocument doc = POLICIES.byName("AmazonEKSWorkerNodePolicy").orElseThrow();
    PolicySet set = new PolicySet(List.of(doc), null, List.of(), null);
    Decision d = new PolicyEvaluator().evaluate(set, "ec2:DescribeInstances", text("*"), Scenario.ANY);
    assertEquals(new Decision.Allowed(doc.statements(), false), d);
    assertEquals(
        new Decision.NotAllowed(),
        new PolicyEvaluator().evaluate(set, "ecr:BatchGetImage", text("*"), Scenario.ANY));
  }

  @Test
  void cniPolicyAllowsCreateTagsOnNetworkInterfacesOnly() {
    PolicyDocument doc = POLICIES.byName("AmazonEKS_CNI_Policy").orElseThrow();
    PolicySet set = new PolicySet(List.of(doc), null, List.of(), null);
    Text eni = sub("arn:", pseudo(PseudoKind.PARTITION), ":ec2:*:*:network-interface/*");
    PolicyEvaluator evaluator = new PolicyEvaluator();
    assertTrue(evaluator.evaluate(set, "ec2:CreateTags", eni, Scenario.ANY).isAllowed());
    assertEquals(new Decision.NotAllowed(), evaluator.evaluate(set, "ec2:CreateTags", text("*"), Scenario.ANY));
    assertEquals(new Decision.NotAllowed(), evaluator.evaluate(set, "ec2:AssignIpv6Addresses", text("*"), Scenario.ANY));
  }

  @Test
  void shippedArnsStandForEveryPartitionsOwnCopy() {
    PolicyDocument doc = POLICIES.byName("AmazonEKS_CNI_Policy").orElseThrow();
    PolicySet set = new PolicySet(List.of(doc), null, List.of(), null);
    Statement tagging = doc.statements().get(1);
    assertEquals("arn:${AWS::Partition}:ec2:*:*:network-interface/*", ((Text) tagging.resources().get(0)).display());

    PolicyEvaluator china = new PolicyEvaluator("aws-cn");
    Text portable = sub("arn:", pseudo(PseudoKind.PARTITION), ":ec2:*:*:network-interface/*");
    assertTrue(china.evaluate(set, "ec2:CreateTags", portable, Scenario.ANY).isAllowed());
    assertTrue(china.evaluate(set, "ec2:CreateTags", text("arn:aws-cn:ec2:*:*:network-interface/*"), Scenario.ANY).isAllowed());
    assertEquals(
        new Decision.NotAllowed(),
        china.evaluate(set, "ec2:CreateTags", text("arn:aws:ec2:*:*:network-interface/*"), Scenario.ANY));
  }

  @Test
  void partitionNeutralLeavesOtherStringsAlone() {
    assertEquals(text("arn:aws-cn:s3:::x"), ManagedPolicies.partitionNeutral(text("arn:aws-cn:s3:::x")));
    assertEquals(text("arn:awsx:s3:::x"), ManagedPolicies.partitionNeutral(text("arn:awsx:s3:::x")));
    assertEquals(text("*"), ManagedPolicies.partitionNeutral(text("*")));
  }

  @Test
  void unknownNamesAreEmpty() {
    assertEquals(Optional.empty(), POLICIES.byName("AmazonEKSWorkerNodePolicyX"));
    assertEquals(Optional.empty(), POLICIES.byName("amazoneksworkernodepolicy"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"})
  void recognisesManagedArnsInEveryPartition(String partition) {
    assertEquals(
        Optional.of("AmazonEKSWorkerNodePolicy"),
        ManagedPolicies.awsManagedName(text("arn:" + partition + ":iam::aws:policy/AmazonEKSWorkerNodePolicy")));
    assertEquals(
        Optional.of("AmazonEKSVPCResourceController"),
        ManagedPolicies.awsManagedName(text("arn:" + partition + ":iam::aws:policy/service-role/AmazonEKSVPCResourceController")));
  }

  @Test
  void recognisesThePartitionPseudoParameter() {
    assertEquals(
        Optional.of("AmazonEKS_CNI_Policy"),
        ManagedPolicies.awsManagedName(sub("arn:", pseudo(PseudoKind.PARTITION), ":iam::aws:policy/AmazonEKS_CNI_Policy")));
    assertEquals(
        Optional.of("AmazonSSMManagedInstanceCore"),
        ManagedPolicies.awsManagedName(sub("arn:", pseudo(PseudoKind.PARTITION), ":iam::aws:policy/a/b/AmazonSSMManagedInstanceCore")));
  }

  @Test
  void aPartitionThatIsNotKnownIsSomePartition() {
    assertEquals(
        Optional.of("AmazonEKS_CNI_Policy"),
        ManagedPolicies.awsManagedName(
            sub("arn:", new Symbol.Opaque("var.partition", "no value"), ":iam::aws:policy/AmazonEKS_CNI_Policy")));
    assertEquals(
        Optional.of("AmazonEKSWorkerNodePolicy"),
        ManagedPolicies.awsManagedName(
            sub("arn:", new Symbol.ResourceAttr("main.tf", "data.aws_partition.current", "partition"),
                ":iam::aws:policy/AmazonEKSWorkerNodePolicy")));
  }

  @Test
  void rejectsWhatIsNotAnAwsManagedArn() {
    assertEquals(Optional.empty(), ManagedPolicies.awsManagedName(text("arn:aws:iam::111122223333:policy/AmazonEKSWorkerNodePolicy")));
    assertEquals(Optional.empty(), ManagedPolicies.awsManagedName(text("arn:aws-moon:iam::aws:policy/AmazonEKSWorkerNodePolicy")));
    assertEquals(Optional.empty(), ManagedPolicies.awsManagedName(text("arn:aws:iam::aws:policy/")));
    assertEquals(Optional.empty(), ManagedPolicies.awsManagedName(text("arn:aws:iam::aws:role/AmazonEKSWorkerNodePolicy")));
    assertEquals(Optional.empty(), ManagedPolicies.awsManagedName(text("AmazonEKSWorkerNodePolicy")));
    assertEquals(Optional.empty(), ManagedPolicies.awsManagedName(text(" arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy")));
    assertEquals(
        Optional.empty(),
        ManagedPolicies.awsManagedName(sub("arn:aws:iam::", pseudo(PseudoKind.ACCOUNT_ID), ":policy/AmazonEKSWorkerNodePolicy")));
    assertEquals(
        Optional.empty(),
        ManagedPolicies.awsManagedName(sub("arn:aws:iam::aws:policy/", new Symbol.Opaque("Name", "no default"))));
    assertEquals(Optional.empty(), ManagedPolicies.awsManagedName(V.unknown("no default")));
    assertEquals(
        Optional.empty(),
        ManagedPolicies.awsManagedName(sub("arn:", pseudo(PseudoKind.PARTITION), "-cn:iam::aws:policy/AmazonEKS_CNI_Policy")));
    assertEquals(Optional.empty(), ManagedPolicies.awsManagedName(text("arn:{partition}:iam::aws:policy/AmazonEKS_CNI_Policy")));
    assertEquals(Optional.empty(), ManagedPolicies.awsManagedName(V.strings("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy")));
  }
}
