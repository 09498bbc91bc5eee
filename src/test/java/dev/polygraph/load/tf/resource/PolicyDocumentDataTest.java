package dev.polygraph.load.tf.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.polygraph.load.tf.Shown;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyParser;
import dev.polygraph.policy.Statement;
import dev.polygraph.value.Guard;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentDataTest {

  private static List<Value> statements(Value document) {
    MapValue doc = assertInstanceOf(MapValue.class, document);
    return assertInstanceOf(ListValue.class, doc.get("Statement").orElseThrow()).items();
  }

  private static String shown(List<Value> statements) {
    StringBuilder sb = new StringBuilder();
    for (Value s : statements) {
      sb.append(Shown.of(s)).append('\n');
    }
    return sb.toString();
  }

  @Test
  void everyElementOfAStatementInIamNamesWithTheProviderDefaults() {
    TestModule m =
        new TestModule(
            """
            data "aws_iam_policy_document" "node" {
              policy_id = "node-policy"
              statement {
                sid       = "Describe"
                actions   = ["ec2:DescribeInstances", "ec2:DescribeRouteTables"]
                resources = ["*"]
              }
              statement {
                effect        = "Deny"
                not_actions   = ["iam:*"]
                not_resources = ["arn:aws:s3:::logs/&{aws:username}/*"]
              }
              statement {
                sid     = ""
                actions = ["s3:GetObject"]
                resources = []
              }
            }
            """);
    Value doc = m.document("node");
    assertEquals(
        "{Version: '2012-10-17', Id: 'node-policy', Statement: ["
            + "{Sid: 'Describe', Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ec2:DescribeRouteTables'],"
            + " Resource: ['*']}, "
            + "{Effect: 'Deny', NotAction: ['iam:*'], NotResource: ['arn:aws:s3:::logs/${aws:username}/*']}, "
            + "{Effect: 'Allow', Action: ['s3:GetObject']}]}",
        Shown.of(doc));
    MapValue first = (MapValue) statements(doc).get(0);
    assertEquals("3:3-7:4", Shown.at(first.span()), "a statement points at its block");
    assertEquals("4:5-4:8", Shown.at(first.entry("Sid").orElseThrow().keySpan()));
    assertEquals("5:5-5:12", Shown.at(first.entry("Action").orElseThrow().keySpan()));
    assertEquals("5:17-5:69", Shown.at(first.get("Action").orElseThrow().span()));
    assertEquals("3:3-7:4", Shown.at(first.entry("Effect").orElseThrow().keySpan()), "a default Effect");
    assertEquals("1:1-1:38", Shown.at(doc.span()), "the document is the data block's header");
  }

  @Test
  void versionTwentyEightLeavesAmpersandVariablesAlone() {
    TestModule m =
        new TestModule(
            """
            data "aws_iam_policy_document" "old" {
              version = "2008-10-17"
              statement {
                actions   = ["s3:GetObject"]
                resources = ["arn:aws:s3:::home/&{aws:username}"]
              }
            }
            """);
    assertEquals(
        "{Version: '2008-10-17', Statement: [{Effect: 'Allow', Action: ['s3:GetObject'],"
            + " Resource: ['arn:aws:s3:::home/&{aws:username}']}]}",
        Shown.of(m.document("old")));
  }

  @Test
  void principalBlocksOfOneTypeMergeAndConditionsMergeByTestAndVariable() {
    TestModule m =
        new TestModule(
            """
            data "aws_iam_policy_document" "assume" {
              statement {
                actions = ["sts:AssumeRole"]
                principals {
                  type        = "Service"
                  identifiers = ["ec2.amazonaws.com"]
                }
                principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::111122223333:root"]
                }
                principals {
                  type        = "Service"
                  identifiers = ["eks.amazonaws.com"]
                }
                condition {
                  test     = "StringEquals"
                  variable = "aws:SourceAccount"
                  values   = ["111122223333"]
                }
                condition {
                  test     = "ArnLike"
                  variable = "aws:SourceArn"
                  values   = ["arn:aws:eks:*:111122223333:cluster/*"]
                }
                condition {
                  test     = "StringEquals"
                  variable = "aws:SourceAccount"
                  values   = ["444455556666"]
                }
              }
            }
            """);
    MapValue statement = (MapValue) statements(m.document("assume")).get(0);
    assertEquals(
        "{Effect: 'Allow', Action: ['sts:AssumeRole'],"
            + " Principal: {Service: ['ec2.amazonaws.com', 'eks.amazonaws.com'],"
            + " AWS: ['arn:aws:iam::111122223333:root']},"
            + " Condition: {StringEquals: {aws:SourceAccount: ['111122223333', '444455556666']},"
            + " ArnLike: {aws:SourceArn: ['arn:aws:eks:*:111122223333:cluster/*']}}}",
        Shown.of(statement));
    assertEquals("4:5-7:6", Shown.at(statement.entry("Principal").orElseThrow().keySpan()));
    MapValue principal = (MapValue) statement.get("Principal").orElseThrow();
    assertEquals("5:21-5:30", Shown.at(principal.entry("Service").orElseThrow().keySpan()));
    assertEquals("16:5-20:6", Shown.at(statement.entry("Condition").orElseThrow().keySpan()));

    PolicyDocument parsed = PolicyParser.parse("trust", m.document("assume"));
    assertEquals(List.of(), parsed.problems());
    Statement s = parsed.statements().get(0);
    assertEquals(2, s.principal().byType().get("Service").size());
  }

  @Test
  void aLoneStarPrincipalIsWrittenAsStar() {
    TestModule m =
        new TestModule(
            """
            data "aws_iam_policy_document" "star" {
              statement {
                actions = ["sts:AssumeRole"]
                principals {
                  type        = "*"
                  identifiers = ["*"]
                }
              }
              statement {
                actions = ["sts:AssumeRole"]
                not_principals {
                  type        = "*"
                  identifiers = ["*"]
                }
                not_principals {
                  type        = "AWS"
                  identifiers = ["arn:aws:iam::111122223333:role/admin"]
                }
              }
            }
            """);
    assertEquals(
        "{Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: '*'}\n"
            + "{Effect: 'Allow', Action: ['sts:AssumeRole'],"
            + " NotPrincipal: {*: ['*'], AWS: ['arn:aws:iam::111122223333:role/admin']}}\n",
        shown(statements(m.document("star"))));
  }

  @Test
  void dynamicStatementsOverAMapInKeyOrderWithAnIteratorAndOverAConditionalList() {
    TestModule m =
        new TestModule(
            """
            locals {
              grants = {
                ecr = ["ecr:GetAuthorizationToken", "ecr:BatchGetImage"]
                cni = ["ec2:AssignPrivateIpAddresses"]
              }
            }
            data "aws_iam_policy_document" "dyn" {
              dynamic "statement" {
                for_each = local.grants
                iterator = grant
                content {
                  sid       = grant.key
                  actions   = grant.value
                  resources = ["*"]
                }
              }
              dynamic "statement" {
                for_each = var.allow_ssm ? ["ssm"] : []
                content {
                  sid       = "Ssm"
                  actions   = ["${statement.value}:GetParameter"]
                  resources = ["*"]
                }
              }
            }
            """);
    Value doc = m.document("dyn");
    assertEquals(
        "{Sid: 'cni', Effect: 'Allow', Action: ['ec2:AssignPrivateIpAddresses'], Resource: ['*']}\n"
            + "{Sid: 'ecr', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken', 'ecr:BatchGetImage'],"
            + " Resource: ['*']}\n"
            + "oneOf(var.allow_ssm: {Sid: 'Ssm', Effect: 'Allow', Action: ['ssm:GetParameter'],"
            + " Resource: ['*']} | !var.allow_ssm: absent)\n",
        shown(statements(doc)));
    assertEquals("8:3-16:4", Shown.at(statements(doc).get(0).span()), "the dynamic block");

    PolicyDocument parsed = PolicyParser.parse("dyn", doc);
    assertEquals(List.of(), parsed.problems());
    assertEquals(
        List.of(Guard.ALWAYS, Guard.ALWAYS, Guard.of("var.allow_ssm", true)),
        parsed.statements().stream().map(Statement::guard).toList());
  }

  @Test
  void dynamicPrincipalsAndConditionsAndAListOfObjects() {
    TestModule m =
        new TestModule(
            """
            locals {
              accounts   = ["111122223333", "444455556666"]
              conditions = [{ test = "StringEquals", variable = "aws:PrincipalTag/team", values = ["nodes"] }]
            }
            data "aws_iam_policy_document" "cross" {
              statement {
                actions = ["sts:AssumeRole"]
                dynamic "principals" {
                  for_each = local.accounts
                  content {
                    type        = "AWS"
                    identifiers = ["arn:aws:iam::${principals.value}:root"]
                  }
                }
                dynamic "condition" {
                  for_each = local.conditions
                  content {
                    test     = condition.value.test
                    variable = condition.value.variable
                    values   = condition.value.values
                  }
                }
              }
            }
            """);
    assertEquals(
        "{Effect: 'Allow', Action: ['sts:AssumeRole'],"
            + " Principal: {AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root']},"
            + " Condition: {StringEquals: {aws:PrincipalTag/team: ['nodes']}}}\n",
        shown(statements(m.document("cross"))));
  }

  @Test
  void aDynamicStatementOverAnUnknownCollectionIsAnUnknownStatement() {
    TestModule m =
        new TestModule(
            """
            data "aws_iam_policy_document" "extra" {
              statement {
                actions   = ["ec2:DescribeInstances"]
                resources = ["*"]
              }
              dynamic "statement" {
                for_each = var.extra_statements
                content {
                  actions = statement.value.actions
                }
              }
            }
            """);
    List<Value> statements = statements(m.document("extra"));
    assertEquals(
        "{Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: ['*']}\n"
            + "unknown(var 'extra_statements' has no value)\n",
        shown(statements));
    PolicyDocument parsed = PolicyParser.parse("extra", m.document("extra"));
    assertEquals(
        List.of("Statement 2 is not known: var 'extra_statements' has no value."), parsed.problems());
  }

  private static final String BASE =
      """
      data "aws_iam_policy_document" "base" {
        statement {
          sid       = "Ecr"
          actions   = ["ecr:GetAuthorizationToken"]
          resources = ["*"]
        }
        statement {
          sid       = "Logs"
          actions   = ["logs:PutLogEvents"]
          resources = ["*"]
        }
        statement {
          actions   = ["ec2:DescribeInstances"]
          resources = ["*"]
        }
      }
      """;

  @Test
  void sourceStatementsComeFirstAndOwnStatementsWithTheirSidReplaceThem() {
    TestModule m =
        new TestModule(
            BASE
                + """
                data "aws_iam_policy_document" "combined" {
                  source_policy_documents = [data.aws_iam_policy_document.base.json]
                  statement {
                    actions   = ["sts:GetCallerIdentity"]
                    resources = ["*"]
                  }
                  statement {
                    sid       = "Ecr"
                    actions   = ["ecr:*"]
                    resources = ["*"]
                  }
                }
                """);
    assertEquals(
        "{Sid: 'Ecr', Effect: 'Allow', Action: ['ecr:*'], Resource: ['*']}\n"
            + "{Sid: 'Logs', Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: ['*']}\n"
            + "{Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: ['*']}\n"
            + "{Effect: 'Allow', Action: ['sts:GetCallerIdentity'], Resource: ['*']}\n",
        shown(statements(m.document("combined"))));
  }

  @Test
  void overridesComeLastReplacingBySidAndAppendingTheRest() {
    TestModule m =
        new TestModule(
            BASE
                + """
                data "aws_iam_policy_document" "combined" {
                  source_policy_documents   = [data.aws_iam_policy_document.base.json]
                  override_policy_documents = [jsonencode({
                    Version = "2012-10-17"
                    Statement = [
                      { Sid = "Logs", Effect = "Deny", Action = "logs:*", Resource = "*" },
                      { Effect = "Allow", Action = "s3:GetObject", Resource = "*" },
                      { Sid = "Ssm", Effect = "Allow", Action = "ssm:GetParameter", Resource = "*" },
                    ]
                  })]
                  statement {
                    sid       = "Ssm"
                    actions   = ["ssm:*"]
                    resources = ["*"]
                  }
                }
                """);
    assertEquals(
        "{Sid: 'Ecr', Effect: 'Allow', Action: ['ecr:GetAuthorizationToken'], Resource: ['*']}\n"
            + "{Sid: 'Logs', Effect: 'Deny', Action: 'logs:*', Resource: '*'}\n"
            + "{Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: ['*']}\n"
            + "{Sid: 'Ssm', Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*'}\n"
            + "{Effect: 'Allow', Action: 's3:GetObject', Resource: '*'}\n",
        shown(statements(m.document("combined"))));
  }

  @Test
  void aConditionalOverrideReplacesOnlyWhereItsConditionHolds() {
    TestModule m =
        new TestModule(
            BASE
                + """
                data "aws_iam_policy_document" "deny_logs" {
                  statement {
                    sid       = "Logs"
                    effect    = "Deny"
                    actions   = ["logs:*"]
                    resources = ["*"]
                  }
                }
                data "aws_iam_policy_document" "combined" {
                  source_policy_documents   = [data.aws_iam_policy_document.base.json]
                  override_policy_documents = var.strict ? [data.aws_iam_policy_document.deny_logs.json] : []
                }
                """);
    List<Value> statements = statements(m.document("combined"));
    assertEquals(
        "oneOf(var.strict: {Sid: 'Logs', Effect: 'Deny', Action: ['logs:*'], Resource: ['*']}"
            + " | !var.strict: {Sid: 'Logs', Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: ['*']})",
        Shown.of(statements.get(1)));
    PolicyDocument parsed = PolicyParser.parse("combined", m.document("combined"));
    assertEquals(
        List.of(
            Guard.ALWAYS, Guard.of("var.strict", true), Guard.of("var.strict", false), Guard.ALWAYS),
        parsed.statements().stream().map(Statement::guard).toList());
  }

  @Test
  void theHighestVersionWinsAndUnreadableSourcesAreUnknownStatements() {
    TestModule m =
        new TestModule(
            """
            data "aws_iam_policy_document" "merged" {
              version                 = "2008-10-17"
              source_policy_documents = [
                jsonencode({ Version = "2012-10-17", Statement = [] }),
                jsonencode(["s3:GetObject"]),
                var.extra_policy,
              ]
              statement {
                actions   = ["s3:ListBucket"]
                resources = ["*"]
              }
            }
            """);
    Value doc = m.document("merged");
    assertEquals(
        "{Version: '2012-10-17', Statement: [unknown(a merged policy document is not a JSON object),"
            + " unknown(var 'extra_policy' has no value),"
            + " {Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['*']}]}",
        Shown.of(doc));
  }
}
