package dev.polygraph.load.tf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.polygraph.load.tf.Render;
import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.load.tf.hcl.HclFiles;
import dev.polygraph.load.tf.hcl.HclResult;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TfEvaluatorTest {

  private static final Span AT = Span.point("vars.tf", 1, 1);

  static Map<String, Value> names() {
    return Map.of(
        "var.account", new Unknown("variable 'account' has no value", AT),
        "var.on", Text.of("true", AT),
        "var.off", Text.of("false", AT),
        "var.create", new Unknown("variable 'create' has no value", AT),
        "var.list", new ListValue(List.of(Text.of("a", AT), Text.of("b", AT)), AT),
        "var.m", new MapValue(List.of(
            new MapValue.Entry("b", AT, Text.of("2", AT)),
            new MapValue.Entry("a", AT, Text.of("1", AT))), AT),
        "var.roles", new ListValue(List.of(
            new MapValue(List.of(new MapValue.Entry("name", AT, Text.of("r1", AT))), AT),
            new MapValue(List.of(new MapValue.Entry("name", AT, Text.of("r2", AT))), AT)), AT),
        "aws_iam_role.node", new MapValue(List.of(new MapValue.Entry("arn", AT,
            Text.of(new Symbol.ResourceAttr("main.tf", "aws_iam_role.node", "arn"), AT))), AT),
        "local.ip_family", new Unknown("local 'ip_family' depends on an unknown", AT));
  }

  static Value eval(String expression) {
    return eval(expression, new MapScope(names()));
  }

  static Value eval(String expression, TfScope scope) {
    HclResult parsed = HclFiles.parse("main.tf", "x = " + expression + "\n");
    assertEquals(List.of(), parsed.problems(), expression);
    return new TfEvaluator(scope, new TfJson()).evaluate(parsed.body().attributes().get(0).value());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '¦', quoteCharacter = '`', textBlock = """
      1 ¦ "1"
      1.50 ¦ "1.5"
      1e3 ¦ "1000"
      true ¦ "true"
      null ¦ null
      "a\\tb" ¦ "a	b"
      [1, "a", [true]] ¦ ["1", "a", ["true"]]
      {a = 1, "b" = 2, (var.list[0]) = 3} ¦ {a="1", b="2", a="3"}
      1 + 2 * 3 ¦ "7"
      7 / 2 ¦ "3.5"
      1 / 3 ¦ "0.3333333333333333"
      7 % 3 ¦ "1"
      -var.m.a ¦ "-1"
      5 - 2 - 1 ¦ "2"
      1 < 2 ¦ "true"
      2 <= 1 ¦ "false"
      3 > 2.5 ¦ "true"
      3 >= 4 ¦ "false"
      "a" == "a" ¦ "true"
      1 == 1.0 ¦ "true"
      [1, {a = "x"}] == [1, {a = "x"}] ¦ "true"
      {a = 1} != {a = 1, b = 2} ¦ "true"
      null == null ¦ "true"
      "a" == null ¦ "false"
      !var.on ¦ "false"
      var.on && var.off ¦ "false"
      var.on || var.off ¦ "true"
      false && var.create ¦ "false"
      var.create || true ¦ "true"
      var.create && true ¦ ?(variable 'create' has no value)
      var.account == "1" ¦ ?(variable 'account' has no value)
      aws_iam_role.node.arn == "x" ¦ ?(cannot tell whether the operands of '==' are equal)
      var.on ? "yes" : "no" ¦ "yes"
      var.off ? "yes" : "no" ¦ "no"
      var.create ? "yes" : "no" ¦ ([var.create]: "yes" | ![var.create]: "no")
      local.ip_family == "ipv6" ? "v6" : "v4" ¦ ([local.ip_family == "ipv6"]: "v6" | ![local.ip_family == "ipv6"]: "v4")
      (var.create ? true : false) ? 1 : 2 ¦ ([var.create]: "1" | ![var.create]: "2")
      var.create ? "a" : var.on ? "b" : "c" ¦ ([var.create]: "a" | ![var.create]: "b")
      var.create ? "same" : "same" ¦ "same"
      "arn:aws:iam::${var.account}:role/x" ¦ "arn:aws:iam::${opaque var.account: variable 'account' has no value}:role/x"
      "${aws_iam_role.node.arn}/*" ¦ "${aws_iam_role.node.arn}/*"
      "p-${var.create ? "a" : "b"}" ¦ ([var.create]: "p-a" | ![var.create]: "p-b")
      "%{ if var.on }on%{ else }off%{ endif }" ¦ "on"
      "%{ if var.create }on%{ endif }!" ¦ ([var.create]: "on!" | ![var.create]: "!")
      "%{ for k, v in var.m }${k}=${v};%{ endfor }" ¦ "a=1;b=2;"
      "%{ for s in var.list }<${s}>%{ endfor }" ¦ "<a><b>"
      "${var.list}" ¦ ?(cannot include var.list in a string: it is a list)
      "${null}" ¦ ?(cannot include null in a string: it is null)
      var.list[1] ¦ "b"
      var.list[2] ¦ ?(index 2 is out of range for var.list of 2 elements)
      var.m["a"] ¦ "1"
      var.m.c ¦ ?(var.m has no attribute 'c')
      var.m["c"] ¦ ?(var.m has no element with key "c")
      var.list.name ¦ ?(cannot read attribute 'name' of var.list: it is a list)
      var.roles[0].name ¦ "r1"
      var.roles.1.name ¦ "r2"
      var.roles[*].name ¦ ["r1", "r2"]
      var.roles.*.name ¦ ["r1", "r2"]
      null[*] ¦ []
      var.m[*].a ¦ ["1"]
      var.account.x ¦ ?(variable 'account' has no value)
      nosuch.x ¦ ?('nosuch' is not a name Terraform knows here)
      [for s in var.list : upper(s)] ¦ ["A", "B"]
      [for i, s in var.list : "${i}:${s}" if s != "a"] ¦ ["1:b"]
      {for k, v in var.m : v => k} ¦ {1="a", 2="b"}
      {for r in var.roles : "all" => r.name...} ¦ {all=["r1", "r2"]}
      {for r in var.roles : "all" => r.name} ¦ ?(two elements have the key "all"; add '...' to group them)
      [for s in "abc" : s] ¦ ?(cannot iterate over "abc": it is 'abc')
      [for s in var.create ? ["x"] : [] : s] ¦ ([var.create]: ["x"] | ![var.create]: [])
      [for s in var.account : s] ¦ ?(variable 'account' has no value)
      {for k, v in var.m : k => v if var.create} ¦ ([var.create]: {a="1", b="2"} | ![var.create]: {})
      [for s in var.list : s if var.create && aws_iam_role.node.arn == "x"] ¦ ([var.create && aws_iam_role.node.arn == "x"]: ["a", "b"] | ![var.create && aws_iam_role.node.arn == "x"]: [])
      [for s in var.list : s if s == var.account] ¦ ?(variable 'account' has no value)
      [for s in var.list : s if true] ¦ ["a", "b"]
      "a" + 1 ¦ ?('+' needs a number, not 'a')
      {a = 1} + 1 ¦ ?('+' needs a number, not a map)
      1 / 0 ¦ ?(division by zero)
      var.list ? 1 : 2 ¦ ?(the condition var.list is a list, not a bool)
      provider::aws::arn_parse("x") ¦ ?(function 'provider::aws::arn_parse' is not supported by polygraph)
      """)
  void evaluates(String expression, String expected) {
    assertEquals(expected, Render.of(eval(expression)));
  }

  @Test
  void guardsCarryTheModulePrefix() {
    Value v = eval("var.create ? 1 : 2", new MapScope(names(), Map.of(), "module.nodes."));
    OneOf one = (OneOf) v;
    assertEquals(Guard.of("module.nodes.var.create", true), one.branches().get(0).guard());
    assertEquals(Guard.of("module.nodes.var.create", false), one.branches().get(1).guard());
  }

  @Test
  void valuesCarryTheSpanOfTheirExpression() {
    Value v = eval("[1, \"a\"]");
    assertEquals(new Span("main.tf", 1, 5, 1, 13), v.span());
    assertEquals(new Span("main.tf", 1, 6, 1, 7), ((ListValue) v).items().get(0).span());
    assertEquals(new Span("main.tf", 1, 9, 1, 12), ((ListValue) v).items().get(1).span());
  }

  @Test
  void boundNamesComeBeforeTheScope() {
    HclResult parsed = HclFiles.parse("main.tf", "x = \"${each.key}-${var.on}\"\n");
    TfEvaluator e = new TfEvaluator(new MapScope(names()), new TfJson())
        .bind("each", new MapValue(List.of(new MapValue.Entry("key", AT, Text.of("k1", AT))), AT));
    assertEquals("\"k1-true\"", Render.of(e.evaluate(parsed.body().attributes().get(0).value())));
  }

  @Test
  void tenThousandNestedConditionalsEndAsUnknownNotStackOverflow() {
    // Built directly: the parser itself refuses such nesting before an evaluator would see it.
    Span at = new Span("main.tf", 1, 1, 1, 2);
    Expr expr = new Expr.NumberLit(java.math.BigDecimal.ONE, at);
    Expr on = new Expr.GetAttr(new Expr.Variable("var", at), "on", at);
    for (int i = 0; i < 10_000; i++) {
      expr = new Expr.Conditional(on, expr, new Expr.NumberLit(java.math.BigDecimal.TEN, at), at);
    }
    Value v = new TfEvaluator(new MapScope(names()), new TfJson()).evaluate(expr);
    assertEquals("?(expression is nested more than 500 levels deep)", Render.of(v));
  }

  @Test
  void aScopeAnsweringUnknownForACycleIsKept() {
    Map<String, Value> n = new java.util.HashMap<>(names());
    n.put("local.self", new Unknown("local 'self' refers to itself", AT));
    assertEquals("\"x-${opaque local.self: local 'self' refers to itself}\"",
        Render.of(eval("\"x-${local.self}\"", new MapScope(n))));
  }

  @Test
  void aRunawayProductEndsAsUnknown() {
    Value v = eval("[for a in [for i in [1,2,3,4,5,6,7,8,9,10] : [1,2,3,4,5,6,7,8,9,10]] : "
        + "[for b in a : [for c in [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20] : "
        + "[for d in [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20] : [for e in [1,2,3,4,5,6,7,8,9,10] : [c, d, e]]]]]]");
    String rendered = Render.of(v);
    assertTrue(rendered.contains("?(expression takes more than 200000 evaluation steps)"), rendered.substring(0, 200));
    assertFalse(rendered.isEmpty());
  }

  @Test
  void anErrorStaysAnErrorForEveryEvaluatorOfTheRun() {
    TfJson run = new TfJson();
    HclResult bad = HclFiles.parse("main.tf", "x = var.m.zzz\n");
    Value error = new TfEvaluator(new MapScope(names()), run).evaluate(bad.body().attributes().get(0).value());
    Map<String, Value> n = new java.util.HashMap<>(names());
    n.put("local.bad", error);
    HclResult call = HclFiles.parse("main.tf", "x = try(local.bad, \"fallback\")\n");
    Expr expr = call.body().attributes().get(0).value();
    assertEquals("\"fallback\"", Render.of(new TfEvaluator(new MapScope(n), run).evaluate(expr)));
    assertEquals("?(var.m has no attribute 'zzz')",
        Render.of(new TfEvaluator(new MapScope(n), new TfJson()).evaluate(expr)));
  }
}
