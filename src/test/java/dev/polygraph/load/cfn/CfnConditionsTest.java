package dev.polygraph.load.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CfnConditionsTest {

  private static final CfnTemplate TEMPLATE =
      Templates.yaml(
          "Parameters:",
          "  Env: {Type: String, Default: prod}",
          "  Family: {Type: String}",
          "Conditions:",
          "  IsProd: !Equals [!Ref Env, prod]",
          "  IsDev: !Not [!Condition IsProd]",
          "  IsIpv6: !Equals [!Ref Family, ipv6]",
          "  InCommercial: !Equals [!Ref AWS::Partition, aws]",
          "  SameRegion: !Equals [!Ref AWS::Region, !Ref AWS::Region]",
          "  ProdOrIpv6: !Or [!Condition IsProd, !Condition IsIpv6]",
          "  DevAndIpv6: !And [!Condition IsDev, !Condition IsIpv6]",
          "  ProdAndIpv6: !And [!Condition IsProd, !Condition IsIpv6]",
          "  ListsEqual: !Equals [[a, b], !Split [',', 'a,b']]",
          "  Loop1: !Condition Loop2",
          "  Loop2: !Not [!Condition Loop1]",
          "  Broken: !Equals [a]",
          "  NotAFunction: yes",
          "  TooMany: !And [!Condition IsProd]",
          "Test:",
          "  decided: !If [IsProd, big, small]",
          "  undecided: !If [IsIpv6, six, four]",
          "  cyclic: !If [Loop1, a, b]",
          "  missing: !If [Nope, a, b]",
          "  malformed: !If [IsProd, a]");

  private static CfnIntrinsics intrinsics(CfnOptions options) {
    return new CfnIntrinsics(TEMPLATE, options);
  }

  private static Value test(CfnOptions options, String name) {
    return intrinsics(options).evaluate(Templates.at(TEMPLATE, "Test", name));
  }

  @Test
  void decidedWhenInputsAreKnownLiterals() {
    CfnIntrinsics in = intrinsics(CfnOptions.none());
    assertEquals(Optional.of(true), in.decide("IsProd"));
    assertEquals(Optional.of(false), in.decide("IsDev"));
    assertEquals(Optional.of(true), in.decide("ProdOrIpv6"));
    assertEquals(Optional.of(false), in.decide("DevAndIpv6"));
    assertEquals(Optional.of(true), in.decide("SameRegion"));
    assertEquals(Optional.of(true), in.decide("ListsEqual"));
  }

  @Test
  void undecidedWhenAnInputIsUnknown() {
    CfnIntrinsics in = intrinsics(CfnOptions.none());
    assertEquals(Optional.empty(), in.decide("IsIpv6"));
    assertEquals(Optional.empty(), in.decide("InCommercial"));
    assertEquals(Optional.empty(), in.decide("ProdAndIpv6"));
  }

  @Test
  void overridesAndPinnedPseudoParametersDecide() {
    CfnIntrinsics in =
        intrinsics(
            new CfnOptions(Map.of("Env", "dev", "Family", "ipv6", "AWS::Partition", "aws-cn")));
    assertEquals(Optional.of(false), in.decide("IsProd"));
    assertEquals(Optional.of(true), in.decide("IsIpv6"));
    assertEquals(Optional.of(true), in.decide("DevAndIpv6"));
    assertEquals(Optional.of(false), in.decide("InCommercial"));
  }

  @Test
  void decidedIfTakesOneBranch() {
    Value v = test(CfnOptions.none(), "decided");
    assertEquals(Text.of("big", new Span("t.yaml", 20, 25, 20, 28)), v);
    assertEquals(
        Text.of("small", new Span("t.yaml", 20, 30, 20, 35)),
        test(new CfnOptions(Map.of("Env", "x")), "decided"));
  }

  @Test
  void undecidedIfIsOneOfBothBranchesWithGuards() {
    OneOf one = assertInstanceOf(OneOf.class, test(CfnOptions.none(), "undecided"));
    assertEquals(new Span("t.yaml", 21, 14, 21, 37), one.span());
    assertEquals(2, one.branches().size());
    assertEquals(Guard.of("IsIpv6", true), one.branches().get(0).guard());
    assertEquals(Text.of("six", new Span("t.yaml", 21, 27, 21, 30)), one.branches().get(0).value());
    assertEquals(Guard.of("IsIpv6", false), one.branches().get(1).guard());
    assertEquals(
        Text.of("four", new Span("t.yaml", 21, 32, 21, 36)), one.branches().get(1).value());
  }

  @Test
  void invalidConditionsAreUnknownWithTheReason() {
    assertEquals("condition 'Loop1' depends on itself", reason(test(CfnOptions.none(), "cyclic")));
    assertEquals(
        "condition 'Nope' is not defined in the Conditions section",
        reason(test(CfnOptions.none(), "missing")));
    assertEquals(
        "Fn::If needs a list of a condition name, a value if true and a value if false",
        reason(test(CfnOptions.none(), "malformed")));
    CfnIntrinsics in = intrinsics(CfnOptions.none());
    assertEquals(
        "Fn::Equals in condition 'Broken' needs a list of two values",
        in.truth("Broken").problem());
    assertEquals(
        "condition 'NotAFunction' is not a condition function (Fn::Equals, Fn::And, Fn::Or,"
            + " Fn::Not, Condition)",
        in.truth("NotAFunction").problem());
    assertEquals(
        "Fn::And in condition 'TooMany' needs a list of 2 to 10 conditions",
        in.truth("TooMany").problem());
    assertEquals(Optional.empty(), in.decide("Loop2"));
  }

  private static String reason(Value v) {
    return assertInstanceOf(Unknown.class, v).reason();
  }
}
