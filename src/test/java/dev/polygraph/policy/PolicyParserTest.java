package dev.polygraph.policy;

import static dev.polygraph.policy.V.absent;
import static dev.polygraph.policy.V.allow;
import static dev.polygraph.policy.V.at;
import static dev.polygraph.policy.V.doc;
import static dev.polygraph.policy.V.keySpan;
import static dev.polygraph.policy.V.list;
import static dev.polygraph.policy.V.map;
import static dev.polygraph.policy.V.mapAt;
import static dev.polygraph.policy.V.oneOf;
import static dev.polygraph.policy.V.strings;
import static dev.polygraph.policy.V.text;
import static dev.polygraph.policy.V.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.value.Guard;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

  private static List<String> texts(List<Value> values) {
    return values.stream().map(v -> v instanceof Text t ? t.display() : "?" + v.getClass().getSimpleName()).toList();
  }

  @Test
  void readsVersionAndAStatementList() {
    Value stmt =
        mapAt(
            at(7),
            "Sid", "Nodes",
            "Effect", "Allow",
            "Action", strings("ec2:DescribeInstances", "ecr:BatchGetImage"),
            "Resource", "*");
    PolicyDocument d = PolicyParser.parse("inline policy 'n'", map("Version", "2012-10-17", "Id", "x", "Statement", list(stmt)));

    assertEquals("inline policy 'n'", d.name());
    assertEquals("2012-10-17", d.version());
    assertEquals(List.of(), d.problems());
    assertEquals(1, d.statements().size());
    Statement s = d.statements().get(0);
    assertEquals(at(7), s.span());
    assertEquals(Guard.ALWAYS, s.guard());
    assertEquals("Nodes", s.sid());
    assertEquals(Effect.ALLOW, s.effect());
    assertFalse(s.notAction());
    assertEquals(List.of("ec2:DescribeInstances", "ecr:BatchGetImage"), texts(s.actions()));
    assertFalse(s.notResource());
    assertEquals(List.of("*"), texts(s.resources()));
    assertNull(s.principal());
    assertFalse(s.conditional());
    assertEquals(keySpan(2), s.actionSpan());
    assertEquals(keySpan(3), s.resourceSpan());
  }

  @Test
  void readsASingleStatementMapAndDenyAndNotElements() {
    Value stmt = mapAt(at(3), "Effect", "Deny", "NotAction", "iam:*", "NotResource", strings("arn:aws:s3:::a", "arn:aws:s3:::b"));
    PolicyDocument d = PolicyParser.parse("p", map("Statement", stmt));

    assertNull(d.version());
    assertEquals(List.of(), d.problems());
    Statement s = d.statements().get(0);
    assertEquals(Effect.DENY, s.effect());
    assertNull(s.sid());
    assertTrue(s.notAction());
    assertEquals(List.of("iam:*"), texts(s.actions()));
    assertTrue(s.notResource());
    assertEquals(List.of("arn:aws:s3:::a", "arn:aws:s3:::b"), texts(s.resources()));
    assertEquals(keySpan(1), s.actionSpan());
    assertEquals(keySpan(2), s.resourceSpan());
  }

  @Test
  void spansOfMissingActionAndResourceAreTheStatements() {
    Value stmt = mapAt(at(9), "Effect", "Allow", "Principal", map("Service", "ec2.amazonaws.com"));
    Statement s = PolicyParser.parse("trust", map("Statement", list(stmt))).statements().get(0);
    assertEquals(List.of(), s.actions());
    assertEquals(List.of(), s.resources());
    assertEquals(at(9), s.actionSpan());
    assertEquals(at(9), s.resourceSpan());
  }

  @Test
  void principalStarIsTheWildcard() {
    Statement s = PolicyParser.parse("t", map("Statement", map("Effect", "Allow", "Principal", "*", "Action", "sts:AssumeRole")))
        .statements().get(0);
    assertTrue(s.principal().wildcard());
    assertFalse(s.principal().not());
    assertEquals(Map.of(), s.principal().byType());
    assertEquals(keySpan(1), s.principal().span());
  }

  @Test
  void awsStarIsAValueNotTheWildcard() {
    Value principal = map("AWS", "*", "Service", strings("ec2.amazonaws.com", "eks.amazonaws.com"));
    Statement s = PolicyParser.parse("t", map("Statement", map("Effect", "Allow", "NotPrincipal", principal, "Action", "sts:AssumeRole")))
        .statements().get(0);
    Principal p = s.principal();
    assertFalse(p.wildcard());
    assertTrue(p.not());
    assertEquals(List.of("*"), texts(p.of("AWS")));
    assertEquals(List.of("ec2.amazonaws.com", "eks.amazonaws.com"), texts(p.of("Service")));
    assertEquals(List.of(), p.of("Federated"));
  }

  @Test
  void nonEmptyConditionMakesTheStatementConditional() {
    Value cond = map("StringEquals", map("aws:RequestedRegion", "eu-west-1"));
    assertTrue(first(map("Effect", "Allow", "Action", "a:b", "Resource", "*", "Condition", cond)).conditional());
    assertFalse(first(map("Effect", "Allow", "Action", "a:b", "Resource", "*", "Condition", map())).conditional());
    assertTrue(first(map("Effect", "Allow", "Action", "a:b", "Resource", "*", "Condition", unknown("parameter 'C' has no default"))).conditional());
  }

  private static Statement first(Value statement) {
    PolicyDocument d = PolicyParser.parse("p", map("Statement", list(statement)));
    assertEquals(List.of(), d.problems());
    return d.statements().get(0);
  }

  @Test
  void unknownElementsStayAsUnknownValues() {
    Unknown u = unknown("parameter 'Extra' has no default");
    Statement s = first(map("Effect", "Allow", "Action", list(text("ec2:DescribeVpcs"), u), "Resource", unknown("r")));
    assertEquals(List.of(text("ec2:DescribeVpcs"), u), s.actions());
    assertEquals(1, s.resources().size());
    assertEquals(new Unknown("r", at(1)), s.resources().get(0));
  }

  @Test
  void unknownOrSymbolicEffectIsNullWithoutAProblem() {
    assertNull(first(map("Effect", unknown("parameter 'E'"), "Action", "a:b", "Resource", "*")).effect());
    Text symbolic = Text.of(new dev.polygraph.value.Symbol.Opaque("E", "no default"), at(1));
    assertNull(first(map("Effect", symbolic, "Action", "a:b", "Resource", "*")).effect());
  }

  @Test
  void conditionalStatementInAListGetsItsGuardAndAbsentVanishes() {
    Value always = map("Effect", "Allow", "Action", "ec2:DescribeVpcs", "Resource", "*");
    Value onlyEcr = map("Effect", "Allow", "Action", "ecr:BatchGetImage", "Resource", "*");
    PolicyDocument d = PolicyParser.parse("p", map("Statement", list(always, oneOf("UseEcr", onlyEcr, absent()))));

    assertEquals(List.of(), d.problems());
    assertEquals(2, d.statements().size());
    assertEquals(Guard.ALWAYS, d.statements().get(0).guard());
    assertEquals(Guard.of("UseEcr", true), d.statements().get(1).guard());
    assertEquals(List.of("ecr:BatchGetImage"), texts(d.statements().get(1).actions()));
  }

  @Test
  void oneOfInsideAStatementSplitsIt() {
    Value stmt = map("Effect", "Allow", "Action", list(text("ec2:DescribeVpcs"), oneOf("Ipv6", text("ec2:AssignIpv6Addresses"), absent())), "Resource", "*");
    PolicyDocument d = PolicyParser.parse("p", map("Statement", list(stmt)));

    assertEquals(2, d.statements().size());
    assertEquals(Guard.of("Ipv6", true), d.statements().get(0).guard());
    assertEquals(List.of("ec2:DescribeVpcs", "ec2:AssignIpv6Addresses"), texts(d.statements().get(0).actions()));
    assertEquals(Guard.of("Ipv6", false), d.statements().get(1).guard());
    assertEquals(List.of("ec2:DescribeVpcs"), texts(d.statements().get(1).actions()));
  }

  @Test
  void oneOfAroundTheDocumentAndAroundTheStatementListCombineGuards() {
    Value a = map("Effect", "Allow", "Action", "a:One", "Resource", "*");
    Value b = map("Effect", "Deny", "Action", "a:Two", "Resource", "*");
    Value docA = map("Version", "2012-10-17", "Statement", oneOf("Inner", list(a), list(b)));
    Value docB = map("Version", "2008-10-17", "Statement", a);
    PolicyDocument d = PolicyParser.parse("p", oneOf("Outer", docA, docB));

    assertEquals("2012-10-17", d.version());
    assertEquals(3, d.statements().size());
    assertEquals(new Guard(Map.of("Outer", true, "Inner", true)), d.statements().get(0).guard());
    assertEquals(Effect.ALLOW, d.statements().get(0).effect());
    assertEquals(new Guard(Map.of("Outer", true, "Inner", false)), d.statements().get(1).guard());
    assertEquals(Effect.DENY, d.statements().get(1).effect());
    assertEquals(Guard.of("Outer", false), d.statements().get(2).guard());
  }

  @Test
  void contradictoryGuardsAreDropped() {
    Value inner = map("Effect", "Allow", "Action", oneOf("C", text("a:Yes"), text("a:No")), "Resource", "*");
    PolicyDocument d = PolicyParser.parse("p", map("Statement", list(oneOf("C", inner, absent()))));
    assertEquals(1, d.statements().size());
    assertEquals(Guard.of("C", true), d.statements().get(0).guard());
    assertEquals(List.of("a:Yes"), texts(d.statements().get(0).actions()));
  }

  @Test
  void anUnknownDocumentIsAProblem() {
    PolicyDocument d = PolicyParser.parse("p", unknown("parameter 'Doc' has no default"));
    assertEquals(List.of(), d.statements());
    assertEquals(List.of("The policy document is not known: parameter 'Doc' has no default."), d.problems());
  }

  @Test
  void aDocumentThatIsNotAMapIsAProblem() {
    PolicyDocument d = PolicyParser.parse("p", strings("a"));
    assertEquals(List.of("The policy document is a list, not a map."), d.problems());
  }

  @Test
  void aStatementElementThatIsAStringIsAProblem() {
    PolicyDocument d = PolicyParser.parse("p", map("Statement", "42"));
    assertEquals(List.of(), d.statements());
    assertEquals(List.of("'Statement' is the string '42', not a map or a list."), d.problems());
  }

  @Test
  void unreadableStatementsAreLeftOutAndTheOthersKept() {
    Value good = map("Effect", "Allow", "Action", "a:b", "Resource", "*");
    PolicyDocument d = PolicyParser.parse("p", map("Statement", list(text("oops"), good, unknown("no default"), strings("x"))));
    assertEquals(1, d.statements().size());
    assertEquals(
        List.of(
            "Statement 1 is the string 'oops', not a map.",
            "Statement 3 is not known: no default.",
            "Statement 4 is a list, not a map."),
        d.problems());
  }

  @Test
  void badElementsAreProblemsAndLeftOut() {
    Value stmt = map(
        "Sid", "S",
        "Effect", "Allow",
        "Action", list(text("a:b"), map("x", "y"), strings("c:d")),
        "Resource", map("Ref", "Bucket"));
    PolicyDocument d = PolicyParser.parse("p", map("Statement", list(stmt)));
    Statement s = d.statements().get(0);
    assertEquals(List.of("a:b"), texts(s.actions()));
    assertEquals(List.of(), s.resources());
    assertEquals(
        List.of(
            "Element 2 of 'Action' in statement 1 ('S') is a map, not a string.",
            "Element 3 of 'Action' in statement 1 ('S') is a list, not a string.",
            "'Resource' in statement 1 ('S') is a map, not a string or a list."),
        d.problems());
  }

  @Test
  void effectIsCaseSensitiveAndRequired() {
    PolicyDocument d = PolicyParser.parse("p", map("Statement", list(
        map("Effect", "allow", "Action", "a:b", "Resource", "*"),
        map("Action", "a:b", "Resource", "*"))));
    assertEquals(2, d.statements().size());
    assertNull(d.statements().get(0).effect());
    assertNull(d.statements().get(1).effect());
    assertEquals(
        List.of(
            "'Effect' in statement 1 is the string 'allow', not 'Allow' or 'Deny'.",
            "Statement 2 has no 'Effect'."),
        d.problems());
  }

  @Test
  void bothActionAndNotActionLeavesTheStatementOut() {
    PolicyDocument d = PolicyParser.parse("p", map("Statement", list(
        map("Effect", "Allow", "Action", "a:b", "NotAction", "c:d", "Resource", "*"),
        map("Effect", "Allow", "Action", "a:b", "Resource", "*", "NotResource", "x"),
        map("Effect", "Allow", "Principal", "*", "NotPrincipal", "*"))));
    assertEquals(List.of(), d.statements());
    assertEquals(
        List.of(
            "Statement 1 has both 'Action' and 'NotAction'; it is left out.",
            "Statement 2 has both 'Resource' and 'NotResource'; it is left out.",
            "Statement 3 has both 'Principal' and 'NotPrincipal'; it is left out."),
        d.problems());
  }

  @Test
  void everyClashInAStatementIsReported() {
    PolicyDocument d = PolicyParser.parse("p", map("Statement", map(
        "Effect", "Allow", "Action", "a:b", "NotAction", "c:d", "Resource", "*", "NotResource", "x")));
    assertEquals(List.of(), d.statements());
    assertEquals(
        List.of(
            "Statement 1 has both 'Action' and 'NotAction'; it is left out.",
            "Statement 1 has both 'Resource' and 'NotResource'; it is left out."),
        d.problems());
  }

  @Test
  void principalOtherThanStarOrAMapIsAProblem() {
    PolicyDocument d = PolicyParser.parse("p", map("Statement", list(
        map("Effect", "Allow", "Principal", "ec2.amazonaws.com", "Action", "sts:AssumeRole"),
        map("Effect", "Allow", "Principal", map("Service", map("a", "b")), "Action", "sts:AssumeRole"))));
    assertEquals(2, d.statements().size());
    assertFalse(d.statements().get(0).principal().wildcard());
    assertEquals(Map.of(), d.statements().get(0).principal().byType());
    assertEquals(Map.of("Service", List.of()), d.statements().get(1).principal().byType());
    assertEquals(
        List.of(
            "'Principal' in statement 1 is the string 'ec2.amazonaws.com', not '*' or a map of principal types.",
            "'Principal.Service' in statement 2 is a map, not a string or a list."),
        d.problems());
  }

  @Test
  void conditionThatIsNotAMapIsAProblemAndCountsAsConditional() {
    PolicyDocument d = PolicyParser.parse("p", map("Statement", map("Effect", "Allow", "Action", "a:b", "Resource", "*", "Condition", "yes")));
    assertTrue(d.statements().get(0).conditional());
    assertEquals(List.of("'Condition' in statement 1 is the string 'yes', not a map."), d.problems());
  }

  @Test
  void documentWithoutStatementHasNoStatementsAndNoProblems() {
    PolicyDocument d = PolicyParser.parse("p", map("Version", "2012-10-17"));
    assertEquals(List.of(), d.statements());
    assertEquals(List.of(), d.problems());
    assertEquals(at(1), d.span());
  }

  @Test
  void keepsTheValueItWasReadFromForTheGrammarCheck() {
    Value source = doc(allow("ec2:DescribeInstances", "*"));
    PolicyDocument d = PolicyParser.parse("inline policy 'p'", source);
    assertEquals(source, d.source());
    assertNull(new PolicyDocument("built", at(1), "2012-10-17", List.of(), List.of()).source());
  }
}
