package dev.polygraph.load.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Templates written to hurt the evaluator end in unknown values, never in an exception. */
class HostileTemplateTest {

  @Test
  void deepNestingIsCutOff() {
    int depth = 150;
    String json =
        "{\"Test\": " + "{\"Fn::Base64\": ".repeat(depth) + "\"x\"" + "}".repeat(depth) + "}";
    CfnTemplate t = Templates.read("deep.json", json);
    Value v = new CfnIntrinsics(t, CfnOptions.none()).evaluate(Templates.at(t, "Test"));
    Unknown u = assertInstanceOf(Unknown.class, v);
    assertEquals("expressions nest more than 100 levels deep", u.reason());
    // The outermost node that could not be entered: the 101st Fn::Base64.
    assertEquals(new Span("deep.json", 1, 10 + 100 * 15, 1, json.length() - 100), u.span());
  }

  @Test
  void longConditionChainIsCutOffNotOverflowed() {
    StringBuilder yaml = new StringBuilder("Conditions:\n");
    int n = 5000;
    for (int i = 0; i < n; i++) {
      yaml.append("  C").append(i).append(": !Condition C").append(i + 1).append('\n');
    }
    yaml.append("  C").append(n).append(": !Equals [a, a]\n");
    yaml.append("Test:\n  e: !If [C0, yes, no]\n");
    CfnTemplate t = Templates.read("chain.yaml", yaml.toString());
    CfnIntrinsics in = new CfnIntrinsics(t, CfnOptions.none());
    Value v = in.evaluate(Templates.at(t, "Test", "e"));
    assertEquals(
        "condition 'C99' cannot be decided: expressions nest more than 100 levels deep",
        assertInstanceOf(Unknown.class, v).reason());
    assertEquals(Optional.empty(), in.decide("C0"));
  }

  @Test
  void sharedSubConditionsAreDecidedOnce() {
    // Without memoizing, each level doubles the work: 2^40 evaluations.
    StringBuilder yaml = new StringBuilder("Conditions:\n");
    int n = 40;
    for (int i = 0; i < n; i++) {
      yaml.append("  C")
          .append(i)
          .append(": !Or [!Condition C")
          .append(i + 1)
          .append(", !Condition C")
          .append(i + 1)
          .append("]\n");
    }
    yaml.append("  C").append(n).append(": !Equals [a, b]\n");
    CfnTemplate t = Templates.read("wide.yaml", yaml.toString());
    assertEquals(Optional.of(false), new CfnIntrinsics(t, CfnOptions.none()).decide("C0"));
  }

  @Test
  void conditionCycleOnAResourceGuardsIt() {
    CfnTemplate t =
        Templates.yaml(
            "Conditions:",
            "  A: !And [!Condition B, !Equals [x, x]]",
            "  B: !Or [!Condition A, !Equals [x, y]]",
            "Resources:",
            "  Role:",
            "    Type: AWS::IAM::Role",
            "    Condition: A",
            "    Properties:",
            "      RoleName: !If [B, one, two]");
    PolicyGraph.Builder out = PolicyGraph.builder();
    new CfnGraphBuilder().build(List.of(t), CfnOptions.none(), out);
    RoleNode role = out.build().roles().get(0);
    assertEquals(Guard.of("A", true), role.guard());
    assertEquals(
        "condition 'A' depends on itself", assertInstanceOf(Unknown.class, role.name()).reason());
  }

  @Test
  void combinatorialSubIsUnknown() {
    StringBuilder yaml = new StringBuilder("Parameters:\n  P: {Type: String}\nConditions:\n");
    StringBuilder sub = new StringBuilder();
    StringBuilder vars = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      yaml.append("  C").append(i).append(": !Equals [!Ref P, v").append(i).append("]\n");
      sub.append("${V").append(i).append('}');
      vars.append(i == 0 ? "" : ", ")
          .append("V")
          .append(i)
          .append(": !If [C")
          .append(i)
          .append(", a, b]");
    }
    yaml.append("Test:\n  e: !Sub ['").append(sub).append("', {").append(vars).append("}]\n");
    CfnTemplate t = Templates.read("many.yaml", yaml.toString());
    Value v = new CfnIntrinsics(t, CfnOptions.none()).evaluate(Templates.at(t, "Test", "e"));
    assertEquals(
        "Fn::Sub gives more than 64 combinations of conditions",
        assertInstanceOf(Unknown.class, v).reason());
  }

  @Test
  void malformedResourcesAreSkipped() {
    CfnTemplate t =
        Templates.yaml(
            "Resources:",
            "  NotAMap: 3",
            "  NoType: {Properties: {}}",
            "  ListType: {Type: [AWS::IAM::Role]}",
            "  BadProperties: {Type: 'AWS::IAM::Role', Properties: [1]}",
            "  BadPolicies:",
            "    Type: AWS::IAM::Role",
            "    Properties: {Policies: [3, {PolicyName: x}], ManagedPolicyArns: !Ref Nope}");
    PolicyGraph.Builder out = PolicyGraph.builder();
    new CfnGraphBuilder().build(List.of(t), CfnOptions.none(), out);
    List<RoleNode> roles = out.build().roles();
    assertEquals(
        List.of("BadPolicies", "BadProperties"), roles.stream().map(RoleNode::address).toList());
    RoleNode bad = roles.get(0);
    assertEquals(List.of(), bad.inline());
    assertEquals(
        "'Nope' is not a parameter or resource of this template",
        assertInstanceOf(Unknown.class, bad.managedPolicyArns().get(0).value()).reason());
  }
}
