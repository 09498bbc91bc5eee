package dev.polygraph.policy;

import static dev.polygraph.policy.V.list;
import static dev.polygraph.policy.V.map;
import static dev.polygraph.policy.V.oneOf;
import static dev.polygraph.policy.V.pseudo;
import static dev.polygraph.policy.V.strings;
import static dev.polygraph.policy.V.sub;
import static dev.polygraph.policy.V.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.policy.PolicyGrammar.Kind;
import dev.polygraph.source.Span;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyGrammarTest {

  /** Each defect as "line:column-endColumn message", for documents written one element a line. */
  private static List<String> defects(Kind kind, String... lines) throws IOException {
    Value doc = JsonValues.read(new StringReader(String.join("\n", lines)), "p.json");
    return defects(kind, doc);
  }

  private static List<String> defects(Kind kind, Value doc) {
    return PolicyGrammar.check(doc, kind).stream().map(d -> where(d.span()) + " " + d.message()).toList();
  }

  private static String where(Span s) {
    return s.startLine() + ":" + s.startColumn() + "-" + (s.endLine() == s.startLine() ? "" : s.endLine() + ":") + s.endColumn();
  }

  @Test
  void theUserGuideDocumentsAreValid() throws IOException {
    assertEquals(
        List.of(),
        defects(
            Kind.TRUST,
            "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",",
            " \"Principal\": {\"Service\": [\"ec2.amazonaws.com\"]}, \"Action\": \"sts:AssumeRole\"}]}"));
    assertEquals(
        List.of(),
        defects(
            Kind.IDENTITY,
            "{\"Version\": \"2008-10-17\", \"Id\": \"cni\", \"Statement\": {\"Sid\": \"A\", \"Effect\": \"Deny\",",
            " \"NotAction\": [\"EC2:*\", \"eks-auth:Assume?*\"], \"NotResource\": \"arn:aws:ec2:*:*:network-interface/*\",",
            " \"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": [\"eu-west-1\"], \"ec2:Tenancy\": \"default\"}}}}"));
  }

  @Test
  void documentLevelDefectsPointAtTheDocumentOrTheKey() throws IOException {
    assertEquals(
        List.of(
            "3:1-10 the document has the unknown element 'Versoin' (did you mean 'Version'?).",
            "4:1-14 the document has the unknown element 'Description'.",
            "2:12-24 'Version' is '2012-10-18', not '2012-10-17' or '2008-10-17'.",
            "5:7-17 'Id' is a list, not a string.",
            "6:14-21 'Statement' is the string 'ec2:*', not a map or a list."),
        defects(
            Kind.IDENTITY,
            "{",
            "\"Version\": \"2012-10-18\",",
            "\"Versoin\": 1,",
            "\"Description\": \"x\",",
            "\"Id\": [\"a\", \"b\"],",
            "\"Statement\": \"ec2:*\"",
            "}"));
    assertEquals(
        List.of("1:1-3:2 the document has no 'Version'; write '2012-10-17'.", "1:1-3:2 the document has no 'Statement'."),
        defects(Kind.IDENTITY, "{", "\"Id\": \"x\"", "}"));
    assertEquals(List.of("1:1-5 the document is a list, not a map."), defects(Kind.IDENTITY, "[{}]"));
  }

  @Test
  void statementDefectsEachAtTheirOwnPlace() throws IOException {
    assertEquals(
        List.of(
            "3:11-18 statement 1 ('One') has the 'Effect' 'allow', not 'Allow' or 'Deny'.",
            "4:1-12 statement 1 ('One') has both 'Action' and 'NotAction'.",
            "5:11-28 the action 'ec2DescribeVpcs' in statement 1 ('One') is not of the form 'service:action'.",
            "6:13-34 the resource 'network-interface/*' in statement 1 ('One') is not '*' or an ARN"
                + " ('arn:partition:service:region:account:resource').",
            "8:1-10 statement 2 ('One') has the unknown element 'Actions' (did you mean 'Action'?).",
            "7:9-14 statement 2 repeats the 'Sid' 'One' of statement 1.",
            "7:1-9:18 statement 2 ('One') has neither 'Resource' nor 'NotResource'.",
            "9:1-12 statement 2 ('One') has 'Principal'; an identity policy names no principal.",
            "10:1-17 statement 3 has no 'Effect'.",
            "10:1-17 statement 3 has neither 'Action' nor 'NotAction'.",
            "10:14-16 'Resource' in statement 3 is a map, not a string or a list of strings.",
            "11:1-4 statement 4 is the string 'x', not a map."),
        defects(
            Kind.IDENTITY,
            "{\"Version\": \"2012-10-17\", \"Statement\": [",
            "{\"Sid\": \"One\",",
            "\"Effect\": \"allow\",",
            "\"NotAction\": \"ec2:*\",",
            "\"Action\": \"ec2DescribeVpcs\",",
            "\"Resource\": \"network-interface/*\"},",
            "{\"Sid\": \"One\", \"Effect\": \"Allow\",",
            "\"Actions\": \"ec2:*\",",
            "\"Principal\": \"*\"},",
            "{\"Resource\": {}},",
            "\"x\"]}"));
  }

  @Test
  void trustPoliciesNeedAPrincipalAndNameNoResource() throws IOException {
    assertEquals(
        List.of(
            "2:1-3:46 statement 1 has neither 'Principal' nor 'NotPrincipal'.",
            "3:30-40 statement 1 has 'Resource'; a trust policy names no resource.",
            "5:28-34 the principal '1234' in statement 2 is not an account ID, an ARN or '*'.",
            "5:112-122 statement 2 names the unknown principal type 'Services' (did you mean 'Service'?).",
            "6:34-53 'Principal' in statement 3 is the string 'ec2.amazonaws.com', not '*' or a map of principal types."),
        defects(
            Kind.TRUST,
            "{\"Version\": \"2012-10-17\", \"Statement\": [",
            "{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\",",
            "                             \"Resource\": \"*\"},",
            "{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\",",
            "\"Principal\": {\"AWS\": [\"*\", \"1234\", \"111122223333\", \"arn:aws:iam::111122223333:root\", \"AROAEXAMPLEID12345678\"], \"Services\": \"ec2\"}},",
            "{\"Effect\": \"Allow\", \"Principal\": \"ec2.amazonaws.com\", \"Action\": \"sts:AssumeRole\"}]}"));
  }

  @Test
  void wrongTypesInsideElementsAndConditions() throws IOException {
    assertEquals(
        List.of(
            "2:49-51 'Sid' in statement 1 is a map, not a string.",
            "2:37-39 element 2 of 'Action' in statement 1 is a list, not a string.",
            "3:14-24 'Condition' in statement 1 is a list, not a map.",
            "4:74-80 the condition operator 'Bool' in statement 2 is the string 'true', not a map of condition keys.",
            "6:57-59 'aws:TagKeys' in statement 3 is a map, not a string or a list of strings."),
        defects(
            Kind.IDENTITY,
            "{\"Version\": \"2012-10-17\", \"Statement\": [",
            "{\"Effect\": \"Allow\", \"Action\": [\"*\", []], \"Sid\": {}, \"Resource\": \"*\",",
            "\"Condition\": [\"a\", \"b\"]},",
            "{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"Bool\": \"true\"}},",
            "{\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\",",
            "\"Condition\": {\"ForAnyValue:StringLike\": {\"aws:TagKeys\": {}}}}]}"));
  }

  @Test
  void unknownsSymbolsAndConditionalAlternativesAreNotJudged() {
    // A text with the partition symbol is not an ARN literal; an unknown Version is not missing.
    Value doc =
        map(
            "Version", unknown("parameter 'PolicyVersion' has no default"),
            "Statement",
            list(
                map(
                    "Sid", "Archive",
                    "Effect", unknown("parameter 'Effect' has no default"),
                    "Action", strings("s3:PutObject"),
                    "Resource", sub("arn:", pseudo(Symbol.PseudoKind.PARTITION), ":s3:::logs/*")),
                oneOf(
                    "IsProd",
                    map("Sid", "Alt", "Effect", "Allow", "Action", "s3:*", "Resource", "*"),
                    map("Sid", "Alt", "Effect", "Deny", "Action", "s3:*", "Resource", "*"))));
    assertEquals(List.of(), defects(Kind.IDENTITY, doc));
  }

  @Test
  void aConditionalAlternativeIsJudgedAsWritten() {
    Value doc =
        map(
            "Version", "2012-10-17",
            "Statement",
            list(
                oneOf(
                    "IsProd",
                    map("Effect", "Allow", "Action", "s3:*", "Resource", "*"),
                    map("Effect", "Allow", "Action", "s3:*", "Resource", "bucket"))));
    List<PolicyGrammar.Defect> defects = PolicyGrammar.check(doc, Kind.IDENTITY);
    assertEquals(1, defects.size());
    assertEquals(
        "the resource 'bucket' in statement 1 is not '*' or an ARN ('arn:partition:service:region:account:resource').",
        defects.get(0).message());
  }

  @Test
  void arnShapes() {
    assertTrue(PolicyGrammar.isArn("arn:aws:s3:::bucket/*"));
    assertTrue(PolicyGrammar.isArn("arn:aws-cn:iam::111122223333:role/a:b"));
    // IAM lets a segment's trailing star run over the colons after it.
    assertTrue(PolicyGrammar.isArn("arn:aws:ec2:*:instance/*"));
    assertFalse(PolicyGrammar.isArn("arn:aws:s3"));
    assertFalse(PolicyGrammar.isArn("arn:aws:s3:::"));
    assertFalse(PolicyGrammar.isArn("arn::s3:::bucket"));
    assertFalse(PolicyGrammar.isArn("ARN:aws:s3:::bucket"));
    assertFalse(PolicyGrammar.isArn("bucket/*"));
  }

  /**
   * The AWS managed policies polygraph ships are real, valid documents: the grammar finds nothing
   * in them, and every action of a catalogued service they name is in the catalogue.
   */
  @Test
  void theShippedAwsManagedPoliciesAreValidAndNameOnlyKnownActions() {
    ManagedPolicies managed = ManagedPolicies.load();
    ActionCatalog catalog = ActionCatalog.load();
    assertEquals(12, managed.names().size());
    for (String name : managed.names()) {
      PolicyDocument doc = managed.byName(name).orElseThrow();
      assertEquals(List.of(), PolicyGrammar.check(doc.source(), Kind.IDENTITY), name);
      for (Statement s : doc.statements()) {
        for (Value action : s.actions()) {
          String a = ((Text) action).literal().orElseThrow();
          String service = a.substring(0, a.indexOf(':'));
          assertTrue(
              !catalog.knowsService(service) || !catalog.matching(a).isEmpty(), name + " names unknown " + a);
        }
      }
    }
  }
}
