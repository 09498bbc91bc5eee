package dev.polygraph.policy;

import static dev.polygraph.policy.V.allow;
import static dev.polygraph.policy.V.deny;
import static dev.polygraph.policy.V.list;
import static dev.polygraph.policy.V.map;
import static dev.polygraph.policy.V.oneOf;
import static dev.polygraph.policy.V.parsed;
import static dev.polygraph.policy.V.pseudo;
import static dev.polygraph.policy.V.strings;
import static dev.polygraph.policy.V.sub;
import static dev.polygraph.policy.V.text;
import static dev.polygraph.policy.V.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.value.Scenario;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Symbol.PseudoKind;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {

  private static final Text ANY = text("*");
  private static final String ENI = "arn:aws:ec2:*:*:network-interface/*";
  private static final Value CONDITION = map("StringEquals", map("aws:RequestedRegion", "eu-west-1"));

  private final PolicyEvaluator evaluator = new PolicyEvaluator();

  private static PolicySet set(PolicyDocument... docs) {
    return new PolicySet(List.of(docs), null, List.of(), null);
  }

  private Decision eval(PolicySet set, String action, Text resource) {
    return evaluator.evaluate(set, action, resource, Scenario.ANY);
  }

  private Decision eval(PolicyDocument doc, String action, Text resource) {
    return eval(set(doc), action, resource);
  }

  private static Decision allowed(PolicyDocument doc, int... statements) {
    List<Statement> by = java.util.Arrays.stream(statements).mapToObj(i -> doc.statements().get(i)).toList();
    return new Decision.Allowed(by, false);
  }

  @Test
  void anAllowOnStarAllowsAndNothingElseIsNotAllowed() {
    PolicyDocument doc = parsed("p", allow(strings("ec2:DescribeInstances", "ec2:DescribeVpcs"), "*"));
    assertEquals(allowed(doc, 0), eval(doc, "ec2:DescribeInstances", ANY));
    assertEquals(new Decision.NotAllowed(), eval(doc, "ec2:CreateTags", ANY));
    assertTrue(eval(doc, "ec2:DescribeVpcs", ANY).isAllowed());
  }

  @Test
  void wildcardActionsAndQuestionMarksMatchIgnoringCase() {
    PolicyDocument doc = parsed("p", allow(strings("EC2:describe*", "ecr:Get?uthorizationToken"), "*"));
    assertEquals(allowed(doc, 0), eval(doc, "ec2:DescribeInstances", ANY));
    assertEquals(allowed(doc, 0), eval(doc, "ECR:GETAUTHORIZATIONTOKEN", ANY));
    assertEquals(new Decision.NotAllowed(), eval(doc, "ecr:GetXXuthorizationToken", ANY));
    assertEquals(new Decision.NotAllowed(), eval(doc, "eks:DescribeCluster", ANY));
  }

  @Test
  void resourcesMatchCaseSensitively() {
    PolicyDocument doc = parsed("p", allow("s3:GetObject", "arn:aws:s3:::Bucket/*"));
    assertEquals(allowed(doc, 0), eval(doc, "s3:GetObject", text("arn:aws:s3:::Bucket/key")));
    assertEquals(new Decision.NotAllowed(), eval(doc, "s3:GetObject", text("arn:aws:s3:::bucket/key")));
  }

  @Test
  void aSpecificResourceDoesNotGrantStar() {
    PolicyDocument doc = parsed("p", allow("ec2:CreateTags", ENI));
    assertEquals(new Decision.NotAllowed(), eval(doc, "ec2:CreateTags", ANY));
    assertEquals(allowed(doc, 0), eval(doc, "ec2:CreateTags", text(ENI)));
    assertEquals(allowed(doc, 0), eval(doc, "ec2:CreateTags", text("arn:aws:ec2:us-east-1:111122223333:network-interface/eni-1")));
    PolicyDocument regional = parsed("p", allow("ec2:CreateTags", "arn:aws:ec2:us-east-1:*:network-interface/*"));
    assertEquals(new Decision.NotAllowed(), eval(regional, "ec2:CreateTags", text(ENI)));
  }

  @Test
  void notActionAllowsEverythingElse() {
    PolicyDocument doc = parsed("p", map("Effect", "Allow", "NotAction", "iam:*", "Resource", "*"));
    assertEquals(allowed(doc, 0), eval(doc, "ec2:DescribeInstances", ANY));
    assertEquals(new Decision.NotAllowed(), eval(doc, "IAM:PassRole", ANY));
  }

  @Test
  void notResourceAllowsOnlyWhatItDoesNotName() {
    PolicyDocument doc = parsed("p", map("Effect", "Allow", "Action", "s3:*", "NotResource", "arn:aws:s3:::secret/*"));
    assertEquals(allowed(doc, 0), eval(doc, "s3:GetObject", text("arn:aws:s3:::open/k")));
    assertEquals(new Decision.NotAllowed(), eval(doc, "s3:GetObject", text("arn:aws:s3:::secret/k")));
    // Star includes the excluded bucket, so not all of it is granted.
    assertEquals(new Decision.NotAllowed(), eval(doc, "s3:GetObject", ANY));
  }

  @Test
  void denyWinsOverAllow() {
    PolicyDocument doc = parsed("p",
        allow("ec2:*", "*"),
        map("Sid", "NoTags", "Effect", "Deny", "Action", "ec2:CreateTags", "Resource", "*"));
    Decision d = eval(doc, "ec2:CreateTags", ANY);
    assertEquals(new Decision.Denied(doc.statements().get(1), "explicitly denied by the statement 'NoTags' in 'p'"), d);
    assertEquals("explicitly denied by the statement 'NoTags' in 'p'", d.describe());
    assertEquals(allowed(doc, 0), eval(doc, "ec2:DescribeVpcs", ANY));
  }

  @Test
  void denyInAnotherDocumentWinsAndNamesIt() {
    PolicyDocument a = parsed("AmazonEKSWorkerNodePolicy", allow("ec2:DescribeInstances", "*"));
    PolicyDocument b = parsed("inline policy 'guard'", deny("ec2:Describe*", "*"));
    assertEquals(
        new Decision.Denied(b.statements().get(0), "explicitly denied by a Deny statement in inline policy 'guard'"),
        eval(set(a, b), "ec2:DescribeInstances", ANY));
  }

  @Test
  void notActionDenyDeniesEverythingElse() {
    PolicyDocument doc = parsed("p", allow("*", "*"), map("Effect", "Deny", "NotAction", "ec2:*", "Resource", "*"));
    assertTrue(eval(doc, "ecr:BatchGetImage", ANY) instanceof Decision.Denied);
    assertEquals(allowed(doc, 0), eval(doc, "ec2:DescribeVpcs", ANY));
  }

  @Test
  void notResourceDenyDeniesOutsideItsResources() {
    PolicyDocument doc = parsed("p", allow("s3:*", "*"), map("Effect", "Deny", "Action", "s3:*", "NotResource", "arn:aws:s3:::mine/*"));
    assertTrue(eval(doc, "s3:GetObject", text("arn:aws:s3:::other/k")) instanceof Decision.Denied);
    assertEquals(allowed(doc, 0), eval(doc, "s3:GetObject", text("arn:aws:s3:::mine/k")));
    assertEquals(
        new Decision.Undecided("a Deny in 'p' may apply (it applies to part of the requested resources)"),
        eval(doc, "s3:GetObject", ANY));
  }

  @Test
  void aDenyOnPartOfTheRequestedResourcesIsUndecided() {
    PolicyDocument doc = parsed("p", allow("ec2:CreateTags", "*"), deny("ec2:CreateTags", "arn:aws:ec2:*:*:network-interface/eni-1"));
    assertEquals(
        new Decision.Undecided("a Deny in 'p' may apply (it applies to part of the requested resources)"),
        eval(doc, "ec2:CreateTags", text(ENI)));
  }

  @Test
  void conditionalAllowIsAllowedConditionally() {
    PolicyDocument doc = parsed("p", map("Effect", "Allow", "Action", "ec2:CreateTags", "Resource", "*", "Condition", CONDITION));
    Decision d = eval(doc, "ec2:CreateTags", ANY);
    assertEquals(new Decision.Allowed(List.of(doc.statements().get(0)), true), d);
    assertFalse(d.isAllowed());
    assertEquals("allowed only under a condition", d.describe());
  }

  @Test
  void oneUnconditionalAllowMakesTheAnswerUnconditional() {
    PolicyDocument doc = parsed("p",
        map("Effect", "Allow", "Action", "ec2:CreateTags", "Resource", "*", "Condition", CONDITION),
        allow("ec2:*", "*"));
    assertEquals(new Decision.Allowed(doc.statements(), false), eval(doc, "ec2:CreateTags", ANY));
    assertEquals("allowed", eval(doc, "ec2:CreateTags", ANY).describe());
  }

  @Test
  void conditionalDenyMakesAnAllowUndecidedButNotANotAllowed() {
    PolicyDocument doc = parsed("p",
        allow("ec2:DescribeInstances", "*"),
        map("Effect", "Deny", "Action", "ec2:*", "Resource", "*", "Condition", CONDITION));
    assertEquals(new Decision.Undecided("a conditional Deny in 'p' may apply"), eval(doc, "ec2:DescribeInstances", ANY));
    assertEquals(new Decision.NotAllowed(), eval(doc, "ec2:DescribeVpcs", ANY));
  }

  @Test
  void anUnconditionalDenyAfterAConditionalOneStillDenies() {
    PolicyDocument doc = parsed("p",
        allow("*", "*"),
        map("Effect", "Deny", "Action", "ec2:*", "Resource", "*", "Condition", CONDITION),
        deny("ec2:DescribeInstances", "*"));
    assertEquals(
        new Decision.Denied(doc.statements().get(2), "explicitly denied by a Deny statement in 'p'"),
        eval(doc, "ec2:DescribeInstances", ANY));
  }

  @Test
  void guardsFollowTheScenario() {
    PolicyDocument doc = PolicyParser.parse("p", V.doc(oneOf("UseEcr", allow("ecr:BatchGetImage", "*"), deny("ecr:BatchGetImage", "*"))));
    Statement allowSt = doc.statements().get(0);
    Statement denySt = doc.statements().get(1);
    assertEquals(
        new Decision.Allowed(List.of(allowSt), false),
        evaluator.evaluate(set(doc), "ecr:BatchGetImage", ANY, new Scenario(Map.of("UseEcr", true))));
    assertEquals(
        new Decision.Denied(denySt, "explicitly denied by a Deny statement in 'p'"),
        evaluator.evaluate(set(doc), "ecr:BatchGetImage", ANY, new Scenario(Map.of("UseEcr", false))));
  }

  @Test
  void aStatementTheScenarioLeavesOpenIsUndecided() {
    PolicyDocument doc = PolicyParser.parse("p", V.doc(oneOf("UseEcr", allow("ecr:BatchGetImage", "*"), V.absent())));
    assertEquals(
        new Decision.Undecided("an Allow in 'p' may apply (it exists only when 'UseEcr' is true)"),
        evaluator.evaluate(set(doc), "ecr:BatchGetImage", ANY, Scenario.ANY));
    assertEquals(
        new Decision.NotAllowed(),
        evaluator.evaluate(set(doc), "ecr:BatchGetImage", ANY, new Scenario(Map.of("UseEcr", false))));
  }

  @Test
  void unresolvedPoliciesMakeNotAllowedUndecided() {
    PolicyDocument doc = parsed("p", allow("ec2:DescribeInstances", "*"));
    String why = "customer-managed policy 'arn:aws:iam::111122223333:policy/Nodes' is outside the scan";
    PolicySet s = new PolicySet(List.of(doc), null, List.of(why), null);
    assertEquals(new Decision.Undecided(why), eval(s, "ecr:BatchGetImage", ANY));
    assertEquals(allowed(doc, 0), eval(s, "ec2:DescribeInstances", ANY));
  }

  @Test
  void documentProblemsMakeNotAllowedUndecided() {
    PolicyDocument doc = PolicyParser.parse("p", V.doc(allow("ec2:DescribeInstances", "*"), text("oops")));
    assertEquals(
        new Decision.Undecided("'p' could not be read entirely: Statement 2 is the string 'oops', not a map"),
        eval(doc, "ecr:BatchGetImage", ANY));
    assertEquals(allowed(doc, 0), eval(doc, "ec2:DescribeInstances", ANY));
  }

  @Test
  void anUnknownEffectThatMatchesIsUndecided() {
    PolicyDocument doc = PolicyParser.parse("p", V.doc(allow("ec2:*", "*"), map("Effect", unknown("e"), "Action", "ec2:CreateTags", "Resource", "*")));
    assertEquals(
        new Decision.Undecided("a statement in 'p' whose Effect is not known may apply"),
        eval(doc, "ec2:CreateTags", ANY));
    assertEquals(allowed(doc, 0), eval(doc, "ec2:DescribeVpcs", ANY));
  }

  @Test
  void boundaryMustAllowToo() {
    PolicyDocument identity = parsed("p", allow(strings("ec2:DescribeInstances", "ecr:BatchGetImage"), "*"));
    PolicyDocument boundary = parsed("Boundary", allow("ec2:*", "*"));
    PolicySet s = new PolicySet(List.of(identity), boundary, List.of(), null);
    assertEquals(allowed(identity, 0), eval(s, "ec2:DescribeInstances", ANY));
    Decision d = eval(s, "ecr:BatchGetImage", ANY);
    assertEquals(new Decision.Denied(null, "not allowed by the permissions boundary 'Boundary'"), d);
    assertEquals(new Decision.NotAllowed(), eval(s, "eks:DescribeCluster", ANY));
  }

  @Test
  void aDenyInTheBoundaryIsAnExplicitDeny() {
    PolicyDocument identity = parsed("p", allow("*", "*"));
    PolicyDocument boundary = parsed("Boundary", allow("*", "*"), deny("iam:*", "*"));
    PolicySet s = new PolicySet(List.of(identity), boundary, List.of(), null);
    assertEquals(
        new Decision.Denied(boundary.statements().get(1), "explicitly denied by a Deny statement in the permissions boundary 'Boundary'"),
        eval(s, "iam:PassRole", ANY));
  }

  @Test
  void aConditionalBoundaryMakesTheAllowConditional() {
    PolicyDocument identity = parsed("p", allow("ec2:*", "*"));
    PolicyDocument boundary = parsed("Boundary", map("Effect", "Allow", "Action", "*", "Resource", "*", "Condition", CONDITION));
    PolicySet s = new PolicySet(List.of(identity), boundary, List.of(), null);
    assertEquals(new Decision.Allowed(identity.statements(), true), eval(s, "ec2:DescribeVpcs", ANY));
  }

  @Test
  void anUnresolvedBoundaryMakesAnAllowUndecided() {
    PolicyDocument identity = parsed("p", allow("ec2:*", "*"));
    PolicySet s = new PolicySet(List.of(identity), null, List.of(), "the permissions boundary 'arn:aws:iam::1:policy/B' is outside the scan");
    assertEquals(new Decision.Undecided("the permissions boundary 'arn:aws:iam::1:policy/B' is outside the scan"), eval(s, "ec2:DescribeVpcs", ANY));
    assertEquals(new Decision.NotAllowed(), eval(s, "ecr:BatchGetImage", ANY));
  }

  @Test
  void partitionAndSuffixRenderAsThePinnedPartition() {
    Text eniSym = sub("arn:", pseudo(PseudoKind.PARTITION), ":ec2:*:*:network-interface/*");
    PolicyDocument commercial = parsed("p", allow("ec2:CreateTags", ENI));
    PolicyDocument portable = parsed("p", allow("ec2:CreateTags", eniSym));
    PolicyDocument china = parsed("p", allow("ec2:CreateTags", "arn:aws-cn:ec2:*:*:network-interface/*"));

    assertEquals(allowed(commercial, 0), eval(commercial, "ec2:CreateTags", eniSym));
    assertEquals(allowed(portable, 0), eval(portable, "ec2:CreateTags", text(ENI)));
    assertEquals(new Decision.NotAllowed(), eval(china, "ec2:CreateTags", eniSym));

    PolicyEvaluator cn = new PolicyEvaluator("aws-cn");
    assertEquals(allowed(china, 0), cn.evaluate(set(china), "ec2:CreateTags", eniSym, Scenario.ANY));
    assertEquals(allowed(portable, 0), cn.evaluate(set(portable), "ec2:CreateTags", eniSym, Scenario.ANY));
    assertEquals(new Decision.NotAllowed(), cn.evaluate(set(commercial), "ec2:CreateTags", eniSym, Scenario.ANY));

    Text suffixed = sub("arn:aws-cn:s3:::", pseudo(PseudoKind.URL_SUFFIX));
    PolicyDocument bucket = parsed("p", allow("s3:GetObject", "arn:aws-cn:s3:::amazonaws.com.cn"));
    assertEquals(allowed(bucket, 0), cn.evaluate(set(bucket), "s3:GetObject", suffixed, Scenario.ANY));
    assertEquals(new Decision.NotAllowed(), eval(bucket, "s3:GetObject", suffixed));
  }

  @Test
  void accountRegionAndStackRenderTheSameOnBothSides() {
    Text pattern = sub("arn:aws:ec2:", pseudo(PseudoKind.REGION), ":", pseudo(PseudoKind.ACCOUNT_ID), ":network-interface/", pseudo(PseudoKind.STACK_NAME), "-*");
    PolicyDocument doc = parsed("p", allow("ec2:CreateTags", pattern));
    Text request = sub("arn:aws:ec2:", pseudo(PseudoKind.REGION), ":", pseudo(PseudoKind.ACCOUNT_ID), ":network-interface/", pseudo(PseudoKind.STACK_NAME), "-eni");
    assertEquals(allowed(doc, 0), eval(doc, "ec2:CreateTags", request));
    assertEquals(new Decision.NotAllowed(), eval(doc, "ec2:CreateTags", text("arn:aws:ec2:us-east-1:111122223333:network-interface/x-eni")));
  }

  @Test
  void unknownPartsNeverGrantStarButMayGrantArns() {
    Symbol param = new Symbol.Opaque("BucketName", "parameter 'BucketName' has no default");
    PolicyDocument doc = parsed("p", allow("s3:GetObject", sub("arn:aws:s3:::", param, "/*")));
    assertEquals(new Decision.NotAllowed(), eval(doc, "s3:GetObject", ANY));
    assertEquals(
        new Decision.Undecided("an Allow in 'p' may apply ('${BucketName}' is not known: parameter 'BucketName' has no default)"),
        eval(doc, "s3:GetObject", text("arn:aws:s3:::b/k")));
    assertEquals(new Decision.NotAllowed(), eval(doc, "s3:GetObject", text("arn:aws:sqs:::b/k")));

    Symbol attr = new Symbol.ResourceAttr("t.yaml", "Queue", "Arn");
    PolicyDocument byAttr = parsed("p", allow("sqs:SendMessage", Text.of(attr, V.at(1))));
    assertEquals(new Decision.NotAllowed(), eval(byAttr, "sqs:SendMessage", ANY));
    assertEquals(new Decision.NotAllowed(), eval(byAttr, "sqs:SendMessage", text("arn:aws:sqs:*:*:*")));
    assertEquals(
        new Decision.Undecided("an Allow in 'p' may apply ('${Queue.Arn}' is not known before deployment)"),
        eval(byAttr, "sqs:SendMessage", text("arn:aws:sqs:us-east-1:111122223333:q")));

    // A parameter could itself be '*'.
    PolicyDocument byParam = parsed("p", allow("sqs:SendMessage", Text.of(param, V.at(1))));
    assertEquals(
        new Decision.Undecided("an Allow in 'p' may apply ('${BucketName}' is not known: parameter 'BucketName' has no default)"),
        eval(byParam, "sqs:SendMessage", ANY));
  }

  @Test
  void unknownElementsAreUndecidedOnlyWhenTheyCouldChangeTheAnswer() {
    PolicyDocument allows = parsed("p", allow(list(text("ec2:DescribeInstances"), unknown("parameter 'More' has no default")), "*"));
    assertEquals(allowed(allows, 0), eval(allows, "ec2:DescribeInstances", ANY));
    assertEquals(
        new Decision.Undecided("an Allow in 'p' may apply (parameter 'More' has no default)"),
        eval(allows, "ec2:DescribeVpcs", ANY));

    PolicyDocument denies = parsed("p", allow("ec2:*", "*"), deny("ec2:CreateTags", unknown("import 'Eni' is outside the scan")));
    assertEquals(allowed(denies, 0), eval(denies, "ec2:DescribeVpcs", ANY));
    assertEquals(
        new Decision.Undecided("a Deny in 'p' may apply (import 'Eni' is outside the scan)"),
        eval(denies, "ec2:CreateTags", ANY));
    PolicyDocument onlyDeny = parsed("p", deny("ec2:CreateTags", unknown("x")));
    assertEquals(new Decision.NotAllowed(), eval(onlyDeny, "ec2:CreateTags", ANY));
  }

  @Test
  void unknownNotActionElementMakesAnAllowUndecided() {
    PolicyDocument doc = parsed("p", map("Effect", "Allow", "NotAction", list(unknown("p")), "Resource", "*"));
    assertEquals(
        new Decision.Undecided("an Allow in 'p' may apply (p, which may exclude the requested action)"),
        eval(doc, "ec2:DescribeVpcs", ANY));
  }

  @Test
  void unknownPartitionIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PolicyEvaluator("aws-moon"));
    assertEquals("unknown AWS partition 'aws-moon'", e.getMessage());
  }

  @Test
  void notAllowedDescribesItself() {
    assertEquals("not allowed by any statement", new Decision.NotAllowed().describe());
    assertEquals("why", new Decision.Undecided("why").describe());
  }
}
