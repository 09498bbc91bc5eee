package dev.polygraph.load.tf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every function of the table, called with each arity it declares and with arguments not known,
 * partly known, null, depending on conditions and of every wrong type: it never throws, its result
 * has a span, and an argument not known never gives a result that claims to be known.
 */
class FunctionRobustnessTest {

  private static final Span AT = Span.point("vars.tf", 1, 1);

  /** Arguments by kind, as HCL expressions. */
  private static final Map<String, String> ARGUMENTS = new LinkedHashMap<>();

  static {
    ARGUMENTS.put("unknown", "var.u");
    ARGUMENTS.put("partly known list", "concat([\"a\"], var.u)");
    ARGUMENTS.put("partly known map", "merge({a = \"1\"}, var.u)");
    ARGUMENTS.put("partly known string", "\"arn:${var.u}:x\"");
    ARGUMENTS.put("null", "null");
    ARGUMENTS.put("one of", "var.c ? \"x\" : [\"y\"]");
    ARGUMENTS.put("string", "\"s\"");
    ARGUMENTS.put("number", "3");
    ARGUMENTS.put("huge number", "1e999");
    ARGUMENTS.put("bool", "true");
    ARGUMENTS.put("list", "[\"a\", 2, null]");
    ARGUMENTS.put("nested list", "[[1], [\"b\"]]");
    ARGUMENTS.put("map", "{a = \"1\", b = [2]}");
    ARGUMENTS.put("computed", "aws_iam_role.node.arn");
  }

  /** Functions that may give a known value although an argument is not known. */
  private static final Set<String> DECIDE_WITHOUT_ALL = Set.of(
      "try", // the first argument that evaluates wins
      "lookup", // the default is not needed when the key is there
      "coalesce", "coalescelist"); // the first non-empty argument wins

  private static final MapScope SCOPE = new MapScope(Map.of(
      "var.u", new Unknown("not known", AT),
      "var.c", new Unknown("not known either", AT),
      "aws_iam_role.node", new MapValue(List.of(new MapValue.Entry("arn", AT,
          Text.of(new Symbol.ResourceAttr("main.tf", "aws_iam_role.node", "arn"), AT))), AT)));

  @Test
  void everyFunctionTakesEveryKindOfArgument() {
    int calls = 0;
    for (TfFunction function : Functions.all()) {
      for (int arity : arities(function)) {
        for (List<String> kinds : combinations(arity)) {
          List<String> args = kinds.stream().map(ARGUMENTS::get).toList();
          String call = function.name() + "(" + String.join(", ", args) + ")";
          Value result;
          try {
            result = TfEvaluatorTest.eval(call, SCOPE);
          } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(call + " threw " + e, e);
          }
          assertNotNull(result, call);
          // An argument may be the result as it is (coalesce, a string that is not JSON), so the
          // span is the call's or an argument's; the wrong-arity test below pins errors to the call.
          assertNotNull(result.span(), call);
          if (kinds.contains("unknown") && !DECIDE_WITHOUT_ALL.contains(function.name())
              && function.kind() != TfFunction.Kind.NOT_COMPUTED && function.accepts(arity)) {
            assertTrue(!fullyKnown(result), call + " claims to be known: " + result);
          }
          calls++;
        }
      }
    }
    assertTrue(calls > 3000, "only " + calls + " calls");
  }

  @Test
  void aCallWithTheWrongNumberOfArgumentsIsAnError() {
    for (TfFunction function : Functions.all()) {
      if (function.min() == 0) {
        continue;
      }
      String call = function.name() + "()";
      Value result = TfEvaluatorTest.eval(call, SCOPE);
      if (!(result instanceof Unknown u) || !u.reason().contains("takes")) {
        fail(call + " gave " + result);
      }
      assertEquals(1, result.span().startLine(), call);
    }
  }

  private static List<Integer> arities(TfFunction function) {
    List<Integer> out = new ArrayList<>();
    int top = function.max() == TfFunction.VARIADIC ? function.min() + 2 : function.max();
    for (int n = Math.max(0, function.min() - 1); n <= Math.min(top, function.min() + 3); n++) {
      out.add(n);
    }
    return out;
  }

  /** Every kind in every place once (the others strings), and every kind in all places at once. */
  private static List<List<String>> combinations(int arity) {
    List<List<String>> out = new ArrayList<>();
    if (arity == 0) {
      out.add(List.of());
      return out;
    }
    for (String kind : ARGUMENTS.keySet()) {
      out.add(java.util.Collections.nCopies(arity, kind));
      for (int place = 0; place < arity && arity > 1; place++) {
        List<String> args = new ArrayList<>(java.util.Collections.nCopies(arity, "string"));
        args.set(place, kind);
        out.add(args);
      }
    }
    return out;
  }

  private static boolean fullyKnown(Value v) {
    if (v instanceof Unknown) {
      return false;
    }
    if (v instanceof Text t) {
      return t.parts().stream().noneMatch(p -> p instanceof Text.Sym s && s.symbol() instanceof Symbol.Opaque);
    }
    if (v instanceof ListValue l) {
      return l.items().stream().allMatch(FunctionRobustnessTest::fullyKnown);
    }
    if (v instanceof MapValue m) {
      return m.entries().stream().allMatch(e -> fullyKnown(e.value()));
    }
    if (v instanceof OneOf o) {
      return o.branches().stream().map(Guarded::value).allMatch(FunctionRobustnessTest::fullyKnown);
    }
    return true;
  }
}
