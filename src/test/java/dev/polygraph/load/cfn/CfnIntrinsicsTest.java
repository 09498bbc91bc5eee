package dev.polygraph.load.cfn;

import static dev.polygraph.load.cfn.Templates.attr;
import static dev.polygraph.load.cfn.Templates.parts;
import static dev.polygraph.load.cfn.Templates.pseudo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Symbol.PseudoKind;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfnIntrinsicsTest {

  /** Expressions live under "Test:", one per line, so every span is easy to state. */
  private static final String[] HEADER = {
    "Parameters:", //                                                  1
    "  ClusterName:", //                                               2
    "    Type: String", //                                             3
    "    Default: prod", //                                            4
    "  RoleArn:", //                                                   5
    "    Type: String", //                                             6
    "  Subnets:", //                                                   7
    "    Type: CommaDelimitedList", //                                 8
    "    Default: 'subnet-a, subnet-b,subnet-c'", //                   9
    "  Azs:", //                                                      10
    "    Type: List<AWS::EC2::AvailabilityZone::Name>", //            11
    "    Default: us-east-1a,us-east-1b", //                          12
    "  Ami:", //                                                      13
    "    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", //   14
    "    Default: /aws/service/eks/optimized-ami/1.29/amazon-linux-2/recommended/image_id", // 15
    "  Index:", //                                                    16
    "    Type: Number", //                                            17
    "    Default: 1", //                                              18
    "Mappings:", //                                                   19
    "  ServicePrincipalPartitionMap:", //                             20
    "    aws:", //                                                    21
    "      EC2: ec2.amazonaws.com", //                                22
    "    aws-cn:", //                                                 23
    "      EC2: ec2.amazonaws.com.cn", //                             24
    "Resources:", //                                                  25
    "  NodeRole:", //                                                 26
    "    Type: AWS::IAM::Role", //                                    27
    "Test:", //                                                       28
  };

  private static final int FIRST = 29;

  private static CfnTemplate template(String... tests) {
    String[] lines = new String[HEADER.length + tests.length];
    System.arraycopy(HEADER, 0, lines, 0, HEADER.length);
    for (int i = 0; i < tests.length; i++) {
      lines[HEADER.length + i] = "  e" + i + ": " + tests[i];
    }
    return Templates.yaml(lines);
  }

  /** The value of the single expression given, with the options given. */
  private static Value eval(CfnOptions options, String expression) {
    CfnTemplate t = template(expression);
    return new CfnIntrinsics(t, options).evaluate(Templates.at(t, "Test", "e0"));
  }

  private static Value eval(String expression) {
    return eval(CfnOptions.none(), expression);
  }

  /** The span of " e0: " + expression: columns 7 to the end of the line. */
  private static Span exprSpan(String expression) {
    return new Span("t.yaml", FIRST, 7, FIRST, 7 + expression.length());
  }

  private static void assertText(Value v, Object... expected) {
    Text t = assertInstanceOf(Text.class, v);
    assertEquals(parts(expected), t.parts());
  }

  private static void assertUnknown(Value v, String reason) {
    assertEquals(reason, assertInstanceOf(Unknown.class, v).reason());
  }

  private static CfnOptions pinned(String... keyValues) {
    Map<String, String> m = new java.util.TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return new CfnOptions(m);
  }

  // --- scalars, lists, maps
  // -----------------------------------------------------------------------

  @Test
  void scalarsAreTextsAndNullIsAbsent() {
    CfnTemplate t = template("2012-10-17", "~", "[a, 1]", "{Effect: Allow}");
    CfnIntrinsics in = new CfnIntrinsics(t, CfnOptions.none());
    Value version = in.evaluate(Templates.at(t, "Test", "e0"));
    assertText(version, "2012-10-17");
    assertEquals(new Span("t.yaml", FIRST, 7, FIRST, 17), version.span());
    assertEquals(
        new Absent(new Span("t.yaml", FIRST + 1, 7, FIRST + 1, 8)),
        in.evaluate(Templates.at(t, "Test", "e1")));
    ListValue list = assertInstanceOf(ListValue.class, in.evaluate(Templates.at(t, "Test", "e2")));
    assertEquals(2, list.items().size());
    assertText(list.items().get(0), "a");
    assertText(list.items().get(1), "1");
    MapValue map = assertInstanceOf(MapValue.class, in.evaluate(Templates.at(t, "Test", "e3")));
    assertEquals("Effect", map.entries().get(0).key());
    assertEquals(new Span("t.yaml", FIRST + 3, 8, FIRST + 3, 14), map.entries().get(0).keySpan());
    assertText(map.get("Effect").orElseThrow(), "Allow");
  }

  // --- Ref
  // ----------------------------------------------------------------------------------------

  @Test
  void refToParameterTakesOverrideThenDefault() {
    assertText(eval("!Ref ClusterName"), "prod");
    assertEquals(exprSpan("!Ref ClusterName"), eval("!Ref ClusterName").span());
    assertText(eval(pinned("ClusterName", "dev"), "!Ref ClusterName"), "dev");
    assertText(
        eval(pinned("RoleArn", "arn:aws:iam::1:role/x"), "{Ref: RoleArn}"),
        "arn:aws:iam::1:role/x");
  }

  @Test
  void refToParameterWithoutDefaultIsUnknown() {
    assertUnknown(eval("!Ref RoleArn"), "parameter 'RoleArn' has no default");
  }

  @Test
  void listParametersAreSplitAndTrimmed() {
    ListValue subnets = assertInstanceOf(ListValue.class, eval("!Ref Subnets"));
    assertEquals(3, subnets.items().size());
    assertText(subnets.items().get(1), "subnet-b");
    assertText(subnets.items().get(2), "subnet-c");
    ListValue azs = assertInstanceOf(ListValue.class, eval("!Ref Azs"));
    assertText(azs.items().get(0), "us-east-1a");
    assertText(azs.items().get(1), "us-east-1b");
  }

  @Test
  void ssmParameterIsUnknownWithItsName() {
    assertUnknown(
        eval("!Ref Ami"),
        "parameter 'Ami' is the value of SSM parameter"
            + " '/aws/service/eks/optimized-ami/1.29/amazon-linux-2/recommended/image_id'");
  }

  @Test
  void refToResourceIsItsRefAttribute() {
    Value v = eval("!Ref NodeRole");
    assertText(v, attr("t.yaml", "NodeRole", "Ref"));
    assertEquals(exprSpan("!Ref NodeRole"), v.span());
  }

  @Test
  void refToNothingIsUnknown() {
    assertUnknown(
        eval("!Ref Missing"), "'Missing' is not a parameter or resource of this template");
    assertUnknown(eval("!Ref [a]"), "Ref needs the name of a parameter or resource");
  }

  @Test
  void pseudoParametersAreSymbolsUnlessPinned() {
    assertText(eval("!Ref AWS::Partition"), pseudo(PseudoKind.PARTITION));
    assertText(eval("!Ref AWS::URLSuffix"), pseudo(PseudoKind.URL_SUFFIX));
    assertText(eval("!Ref AWS::AccountId"), pseudo(PseudoKind.ACCOUNT_ID));
    assertText(eval("!Ref AWS::Region"), pseudo(PseudoKind.REGION));
    assertText(eval("!Ref AWS::StackName"), pseudo(PseudoKind.STACK_NAME));
    assertText(eval("!Ref AWS::StackId"), pseudo(PseudoKind.STACK_ID));
    assertEquals(new Absent(exprSpan("!Ref AWS::NoValue")), eval("!Ref AWS::NoValue"));
    assertUnknown(
        eval("!Ref AWS::NotificationARNs"),
        "AWS::NotificationARNs is known only when the stack is deployed");
    assertUnknown(eval("!Ref AWS::Nope"), "'AWS::Nope' is not a pseudo parameter");

    CfnOptions options =
        pinned(
            "AWS::Partition",
            "aws-cn",
            "AWS::Region",
            "cn-north-1",
            "AWS::AccountId",
            "111122223333",
            "AWS::StackName",
            "nodes");
    assertText(eval(options, "!Ref AWS::Partition"), "aws-cn");
    assertText(eval(options, "!Ref AWS::URLSuffix"), "amazonaws.com.cn");
    assertText(eval(options, "!Ref AWS::Region"), "cn-north-1");
    assertText(eval(options, "!Ref AWS::AccountId"), "111122223333");
    assertText(eval(options, "!Ref AWS::StackName"), "nodes");
  }

  @Test
  void pinnedPartitionPinsTheUrlSuffix() {
    Map<String, String> suffixes =
        Map.of(
            "aws", "amazonaws.com",
            "aws-us-gov", "amazonaws.com",
            "aws-iso", "c2s.ic.gov",
            "aws-iso-b", "sc2s.sgov.gov",
            "aws-iso-e", "cloud.adc-e.uk",
            "aws-iso-f", "csp.hci.ic.gov",
            "aws-eusc", "amazonaws.eu");
    suffixes.forEach(
        (partition, suffix) ->
            assertText(eval(pinned("AWS::Partition", partition), "!Ref AWS::URLSuffix"), suffix));
    assertText(eval(pinned("AWS::URLSuffix", "example.com"), "!Ref AWS::URLSuffix"), "example.com");
  }

  // --- Fn::GetAtt
  // ---------------------------------------------------------------------------------

  @Test
  void getAttBothForms() {
    assertText(eval("!GetAtt NodeRole.Arn"), attr("t.yaml", "NodeRole", "Arn"));
    assertText(eval("{'Fn::GetAtt': [NodeRole, Arn]}"), attr("t.yaml", "NodeRole", "Arn"));
    assertText(
        eval("!GetAtt NodeRole.Endpoint.Address"), attr("t.yaml", "NodeRole", "Endpoint.Address"));
    assertText(eval("!GetAtt [NodeRole, !Ref ClusterName]"), attr("t.yaml", "NodeRole", "prod"));
  }

  @Test
  void malformedGetAttIsUnknown() {
    assertUnknown(
        eval("!GetAtt NodeRole"), "Fn::GetAtt needs 'Resource.Attribute', found 'NodeRole'");
    assertUnknown(
        eval("!GetAtt [NodeRole]"),
        "Fn::GetAtt needs 'Resource.Attribute' or [Resource, Attribute]");
    assertUnknown(eval("!GetAtt Other.Arn"), "'Other' is not a resource of this template");
    assertUnknown(
        eval("!GetAtt [NodeRole, !Ref RoleArn]"),
        "the attribute name of Fn::GetAtt on 'NodeRole' is not known");
  }

  // --- Fn::Sub
  // ------------------------------------------------------------------------------------

  @Test
  void subKeepsThePartitionSymbol() {
    Value v = eval("!Sub arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy");
    assertText(
        v, "arn:", pseudo(PseudoKind.PARTITION), ":iam::aws:policy/AmazonEKSWorkerNodePolicy");
    assertEquals(
        exprSpan("!Sub arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy"), v.span());
    assertText(
        eval(
            pinned("AWS::Partition", "aws-us-gov"), "!Sub arn:${AWS::Partition}:iam::aws:policy/X"),
        "arn:aws-us-gov:iam::aws:policy/X");
  }

  @Test
  void subOfUrlSuffix() {
    assertText(eval("!Sub ec2.${AWS::URLSuffix}"), "ec2.", pseudo(PseudoKind.URL_SUFFIX));
    assertText(
        eval(pinned("AWS::Partition", "aws-cn"), "!Sub ec2.${AWS::URLSuffix}"),
        "ec2.amazonaws.com.cn");
  }

  @Test
  void subOfParametersResourcesAttributesAndEscapes() {
    assertText(eval("!Sub '${ClusterName}-nodes'"), "prod-nodes");
    assertText(eval("!Sub 'role ${NodeRole}'"), "role ", attr("t.yaml", "NodeRole", "Ref"));
    assertText(eval("!Sub '${NodeRole.Arn}/x'"), attr("t.yaml", "NodeRole", "Arn"), "/x");
    assertText(eval("!Sub '${!Literal} and ${ ClusterName }'"), "${Literal} and prod");
    assertText(eval("!Sub 'open ${ClusterName'"), "open ${ClusterName");
  }

  @Test
  void subWithVariablesMap() {
    assertText(
        eval("{'Fn::Sub': ['${A}:${ClusterName}:${B}', {A: !Ref AWS::Region, B: fixed}]}"),
        pseudo(PseudoKind.REGION),
        ":prod:fixed");
  }

  @Test
  void unknownPieceOfSubStaysNamed() {
    assertText(
        eval("!Sub 'arn:aws:iam::${RoleArn}:role/${Subnets}'"),
        "arn:aws:iam::",
        new Symbol.Opaque("RoleArn", "parameter 'RoleArn' has no default"),
        ":role/",
        new Symbol.Opaque("Subnets", "'Subnets' is a list, not a string"));
  }

  @Test
  void malformedSubIsUnknown() {
    assertUnknown(
        eval("{'Fn::Sub': [a, b, c]}"),
        "Fn::Sub needs a string, or a list of a string and a map of variables");
    assertUnknown(eval("{'Fn::Sub': {a: b}}"), "Fn::Sub needs a literal string to substitute into");
  }

  // --- Fn::Join, Fn::Select, Fn::Split
  // ------------------------------------------------------------

  @Test
  void joinConcatenatesWithSymbolsAndUnknownItems() {
    assertText(
        eval(
            "!Join ['', ['arn:', !Ref AWS::Partition, ':iam::', !Ref RoleArn, ':role/', !Ref"
                + " ClusterName]]"),
        "arn:",
        pseudo(PseudoKind.PARTITION),
        ":iam::",
        new Symbol.Opaque("RoleArn", "parameter 'RoleArn' has no default"),
        ":role/prod");
    assertText(eval("!Join [',', !Ref Subnets]"), "subnet-a,subnet-b,subnet-c");
    assertText(eval("!Join ['-', [a, !Ref AWS::NoValue, b]]"), "a-b");
  }

  @Test
  void malformedJoinIsUnknown() {
    assertUnknown(eval("!Join [',']"), "Fn::Join needs a list of a delimiter and a list of values");
    assertUnknown(
        eval("!Join [!Ref RoleArn, [a]]"), "the delimiter of Fn::Join is not a literal string");
    assertUnknown(eval("!Join [',', abc]"), "Fn::Join needs a list of values to join");
    assertUnknown(
        eval("!Join [',', [a, [b]]]"), "Fn::Join can join only strings; item 2 is not a string");
  }

  @Test
  void selectByLiteralAndReferencedIndex() {
    assertText(eval("!Select [0, [a, b]]"), "a");
    assertText(eval("!Select [!Ref Index, !Ref Subnets]"), "subnet-b");
    assertText(eval("!Select [2, !Split [':', !Sub 'arn:${AWS::Partition}:iam::aws']]"), "iam");
    assertUnknown(
        eval("!Select [5, [a, b]]"), "Fn::Select index 5 is out of range for a list of 2 items");
    assertUnknown(eval("!Select [x, [a]]"), "the index of Fn::Select is not a known number");
    assertUnknown(
        eval("!Select [0, !GetAZs '']"),
        "Fn::GetAZs lists the region's availability zones only when the stack is deployed");
    assertUnknown(eval("!Select [0]"), "Fn::Select needs a list of an index and a list");
  }

  @Test
  void splitKeepsSymbolsInTheirPieces() {
    ListValue pieces =
        assertInstanceOf(
            ListValue.class, eval("!Split [':', !Sub 'arn:${AWS::Partition}:iam::aws']"));
    assertEquals(5, pieces.items().size());
    assertText(pieces.items().get(0), "arn");
    assertText(pieces.items().get(1), pseudo(PseudoKind.PARTITION));
    assertText(pieces.items().get(2), "iam");
    assertText(pieces.items().get(3));
    assertText(pieces.items().get(4), "aws");
    assertUnknown(
        eval("!Split ['', abc]"), "the delimiter of Fn::Split is not a literal, non-empty string");
    assertUnknown(eval("!Split [',', [a]]"), "Fn::Split needs a string to split");
  }

  // --- Fn::FindInMap
  // ------------------------------------------------------------------------------

  @Test
  void findInMapWithUnpinnedPartitionTakesAws() {
    Value v = eval("!FindInMap [ServicePrincipalPartitionMap, !Ref AWS::Partition, EC2]");
    assertText(v, "ec2.amazonaws.com");
    assertEquals(
        exprSpan("!FindInMap [ServicePrincipalPartitionMap, !Ref AWS::Partition, EC2]"), v.span());
    assertText(
        eval(
            pinned("AWS::Partition", "aws-cn"),
            "!FindInMap [ServicePrincipalPartitionMap, !Ref AWS::Partition, EC2]"),
        "ec2.amazonaws.com.cn");
  }

  @Test
  void findInMapMissesAndDefaults() {
    assertText(
        eval(
            "!FindInMap [ServicePrincipalPartitionMap, aws-iso, EC2, {DefaultValue:"
                + " ec2.amazonaws.com}]"),
        "ec2.amazonaws.com");
    assertUnknown(
        eval("!FindInMap [ServicePrincipalPartitionMap, aws-iso, EC2]"),
        "mapping 'ServicePrincipalPartitionMap' has no entry 'aws-iso.EC2'");
    assertUnknown(eval("!FindInMap [Nope, a, b]"), "there is no mapping 'Nope' in this template");
    assertUnknown(
        eval("!FindInMap [ServicePrincipalPartitionMap, !Ref AWS::Region, EC2]"),
        "a key of Fn::FindInMap is not known");
    assertUnknown(
        eval("!FindInMap [ServicePrincipalPartitionMap, !Ref RoleArn, EC2]"),
        "a key of Fn::FindInMap is not known: parameter 'RoleArn' has no default");
    assertUnknown(
        eval("!FindInMap [a, b]"),
        "Fn::FindInMap needs a list of a map name, a top-level key and a second-level key");
    assertUnknown(
        eval("!FindInMap [a, b, c, {Other: x}]"),
        "the fourth item of Fn::FindInMap must be a map with 'DefaultValue'");
  }

  // --- the rest
  // -----------------------------------------------------------------------------------

  @Test
  void base64ReturnsItsArgument() {
    assertText(
        eval("!Base64 {'Fn::Sub': '/etc/eks/bootstrap.sh ${ClusterName}'}"),
        "/etc/eks/bootstrap.sh prod");
  }

  @Test
  void deployTimeFunctionsAreUnknown() {
    assertUnknown(
        eval("!GetAZs ''"),
        "Fn::GetAZs lists the region's availability zones only when the stack is deployed");
    assertUnknown(eval("!Cidr [10.0.0.0/16, 4, 8]"), "Fn::Cidr address blocks are not computed");
    assertUnknown(
        eval("{'Fn::Transform': {Name: AWS::Include}}"),
        "Fn::Transform runs the macro 'AWS::Include' when the stack is deployed");
    assertUnknown(eval("!Equals [a, a]"), "Fn::Equals can be used only in the Conditions section");
    assertUnknown(eval("{'Fn::Nope': x}"), "'Fn::Nope' is not a CloudFormation intrinsic function");
  }

  @Test
  void lengthAndToJsonStringWhenComputable() {
    assertText(eval("!Length [a, b, !Ref AWS::NoValue]"), "2");
    assertText(eval("{'Fn::Length': !Ref Subnets}"), "3");
    assertUnknown(eval("!Length abc"), "Fn::Length needs a list");
    assertText(
        eval(
            "!ToJsonString {Version: '2012-10-17', Resource: [!Sub"
                + " 'arn:${AWS::Partition}:s3:::b']}"),
        "{\"Version\":\"2012-10-17\",\"Resource\":[\"arn:",
        pseudo(PseudoKind.PARTITION),
        ":s3:::b\"]}");
    assertUnknown(eval("!ToJsonString {a: !Ref RoleArn}"), "parameter 'RoleArn' has no default");
    assertUnknown(eval("!ToJsonString abc"), "Fn::ToJsonString needs a map or a list");
  }

  @Test
  void importValueWithoutOtherTemplatesIsUnknown() {
    assertUnknown(
        eval("!ImportValue x"), "imports are not resolved: no templates were scanned together");
  }

  @Test
  void undecidedIfInSubDistributes() {
    CfnTemplate t =
        Templates.yaml(
            "Parameters:",
            "  Env: {Type: String}",
            "Conditions:",
            "  IsProd: !Equals [!Ref Env, prod]",
            "Test:",
            "  e: !Sub ['${Name}-role', {Name: !If [IsProd, prod, dev]}]");
    Value v = new CfnIntrinsics(t, CfnOptions.none()).evaluate(Templates.at(t, "Test", "e"));
    OneOf one = assertInstanceOf(OneOf.class, v);
    assertEquals(Guard.of("IsProd", true), one.branches().get(0).guard());
    assertText(one.branches().get(0).value(), "prod-role");
    assertEquals(Guard.of("IsProd", false), one.branches().get(1).guard());
    assertText(one.branches().get(1).value(), "dev-role");
  }

  @Test
  void undecidedIfInsideJoinAndSelectDistributes() {
    CfnTemplate t =
        Templates.yaml(
            "Conditions:",
            "  InChina: !Equals [!Ref AWS::Region, cn-north-1]",
            "Test:",
            "  join: !Join ['.', [ec2, !If [InChina, amazonaws.com.cn, amazonaws.com]]]",
            "  select: !Select [1, [a, !If [InChina, !Ref AWS::NoValue, b], c]]");
    CfnIntrinsics in = new CfnIntrinsics(t, CfnOptions.none());
    OneOf join = assertInstanceOf(OneOf.class, in.evaluate(Templates.at(t, "Test", "join")));
    assertEquals(Guard.of("InChina", true), join.branches().get(0).guard());
    assertText(join.branches().get(0).value(), "ec2.amazonaws.com.cn");
    assertEquals(Guard.of("InChina", false), join.branches().get(1).guard());
    assertText(join.branches().get(1).value(), "ec2.amazonaws.com");
    assertEquals(new Span("t.yaml", 4, 9, 4, 75), join.span());

    OneOf select = assertInstanceOf(OneOf.class, in.evaluate(Templates.at(t, "Test", "select")));
    assertEquals(Guard.of("InChina", true), select.branches().get(0).guard());
    assertText(select.branches().get(0).value(), "c");
    assertEquals(Guard.of("InChina", false), select.branches().get(1).guard());
    assertText(select.branches().get(1).value(), "b");
  }

  @Test
  void jsonLongForms() {
    CfnTemplate t =
        Templates.read(
            "t.json",
            "{\"Resources\": {\"R\": {\"Type\": \"AWS::IAM::Role\"}},\n"
                + " \"Test\": {\n"
                + "  \"att\": {\"Fn::GetAtt\": [\"R\", \"Arn\"]},\n"
                + "  \"sub\": {\"Fn::Sub\": [\"${X}/${R.RoleId}\", {\"X\": {\"Ref\": \"R\"}}]}\n"
                + "}}\n");
    CfnIntrinsics in = new CfnIntrinsics(t, CfnOptions.none());
    Value att = in.evaluate(Templates.at(t, "Test", "att"));
    assertText(att, attr("t.json", "R", "Arn"));
    assertEquals(new Span("t.json", 3, 10, 3, 38), att.span());
    assertText(
        in.evaluate(Templates.at(t, "Test", "sub")),
        attr("t.json", "R", "Ref"),
        "/",
        attr("t.json", "R", "RoleId"));
  }

  @Test
  void valuesItemsOfNestedIfInAList() {
    CfnTemplate t =
        Templates.yaml(
            "Parameters:",
            "  UseEcr: {Type: String}",
            "Conditions:",
            "  WithEcr: !Equals [!Ref UseEcr, 'yes']",
            "  WithSsm: !Equals [!Ref AWS::Region, us-east-1]",
            "Test:",
            "  e:",
            "    - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "    - !If",
            "      - WithEcr",
            "      - !If [WithSsm, arn:aws:iam::aws:policy/A, !Ref AWS::NoValue]",
            "      - arn:aws:iam::aws:policy/B");
    Value v = new CfnIntrinsics(t, CfnOptions.none()).evaluate(Templates.at(t, "Test", "e"));
    List<Guarded<Value>> items = dev.polygraph.value.Values.items(v);
    assertEquals(3, items.size());
    assertEquals(Guard.ALWAYS, items.get(0).guard());
    assertText(
        items.get(0).value(),
        "arn:",
        pseudo(PseudoKind.PARTITION),
        ":iam::aws:policy/AmazonEKSWorkerNodePolicy");
    assertEquals(new Guard(Map.of("WithEcr", true, "WithSsm", true)), items.get(1).guard());
    assertText(items.get(1).value(), "arn:aws:iam::aws:policy/A");
    assertEquals(new Span("t.yaml", 11, 23, 11, 48), items.get(1).value().span());
    assertEquals(Guard.of("WithEcr", false), items.get(2).guard());
    assertText(items.get(2).value(), "arn:aws:iam::aws:policy/B");
  }
}
