package dev.polygraph.load.tf.eval;

import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.load.tf.hcl.ExprText;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.math.BigDecimal;
import java.util.List;

/**
 * The evaluated arguments of one function call, with Terraform's argument checks: a check that
 * fails throws {@link Failure}, which the call turns into an error (Terraform rejects the call) or
 * an unknown (the value is not known yet).
 */
final class Args {

  private final TfEvaluator evaluator;
  private final Expr.FunctionCall call;
  private final List<Value> values;
  private final Span span;

  Args(TfEvaluator evaluator, Expr.FunctionCall call, List<Value> values, Span span) {
    this.evaluator = evaluator;
    this.call = call;
    this.values = List.copyOf(values);
    this.span = span;
  }

  /** Why a call has no value: an error, or an input not known. Never leaves this package. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean error;

    Failure(String reason, boolean error) {
      super(reason, null, false, false);
      this.error = error;
    }
  }

  static Failure fail(String reason) {
    return new Failure(reason, true);
  }

  static Failure notKnown(String reason) {
    return new Failure(reason, false);
  }

  TfEvaluator evaluator() {
    return evaluator;
  }

  String name() {
    return call.name();
  }

  Span span() {
    return span;
  }

  int size() {
    return values.size();
  }

  Value get(int i) {
    return values.get(i);
  }

  List<Value> all() {
    return values;
  }

  List<Value> from(int i) {
    return values.subList(i, values.size());
  }

  /** The argument as written, for naming an unknown part after it. */
  String written(int i) {
    return ExprText.of(call.args().get(Math.min(i, call.args().size() - 1)));
  }

  String what(int i) {
    return "argument " + (i + 1) + " of " + call.name() + "()";
  }

  Text text(int i) {
    Value v = values.get(i);
    if (v instanceof Text t) {
      return t;
    }
    throw fail(what(i) + " must be a string, not " + ValueOps.typeName(v));
  }

  String literal(int i) {
    return literalOf(values.get(i), what(i));
  }

  static String literalOf(Value v, String what) {
    if (v instanceof Unknown u) {
      throw notKnown(u.reason());
    }
    if (!(v instanceof Text t)) {
      throw fail(what + " must be a string, not " + ValueOps.typeName(v));
    }
    return t.literal().orElseThrow(() -> notKnown(what + " '" + t.display() + "' is not fully known"));
  }

  BigDecimal number(int i) {
    return numberOf(values.get(i));
  }

  static BigDecimal numberOf(Value v) {
    String s = literalOf(v, "a number");
    BigDecimal n = ValueOps.asNumber(v);
    if (n == null) {
      throw fail("'" + s + "' is not a number");
    }
    return n;
  }

  int integer(int i) {
    BigDecimal n = number(i);
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      throw fail(what(i) + " must be a whole number, not " + ExprText.number(n));
    }
  }

  ListValue list(int i) {
    Value v = values.get(i);
    if (v instanceof ListValue l) {
      return l;
    }
    notKnownWhenComputed(v);
    throw fail(what(i) + " must be a list, not " + ValueOps.typeName(v));
  }

  MapValue map(int i) {
    Value v = values.get(i);
    if (v instanceof MapValue m) {
      return m;
    }
    notKnownWhenComputed(v);
    throw fail(what(i) + " must be a map, not " + ValueOps.typeName(v));
  }

  ValueOps ops() {
    return evaluator.ops();
  }

  /** What is known of a list argument: its known items, and what ends it when it is only partly known. */
  record Items(List<Value> known, Unknown more) {}

  /** What is known of a map argument: its known entries, and what ends it when it is only partly known. */
  record Entries(List<MapValue.Entry> known, Unknown more) {}

  /** A list argument as far as it is known; a wholly unknown argument has no known item. */
  Items items(int i) {
    Value v = values.get(i);
    if (v instanceof Unknown u) {
      return new Items(List.of(), u);
    }
    ListValue list = list(i);
    return new Items(ops().knownItems(list), ops().moreOf(list));
  }

  /** A map argument as far as it is known; a wholly unknown argument has no known entry. */
  Entries entries(int i) {
    Value v = values.get(i);
    if (v instanceof Unknown u) {
      return new Entries(List.of(), u);
    }
    MapValue map = map(i);
    return new Entries(ops().knownEntries(map), ops().moreOf(map));
  }

  boolean isNull(int i) {
    return values.get(i) instanceof Absent;
  }

  /**
   * A computed attribute ({@code data.aws_availability_zones.x.names}) stands for a value of any
   * type the provider gives when Terraform runs: where a list or map is expected it is not known,
   * not a type error.
   */
  private static void notKnownWhenComputed(Value v) {
    if (v instanceof Text t && t.soleSymbol().orElse(null) instanceof Symbol.ResourceAttr attr) {
      throw notKnown("'" + attr.address() + "." + attr.attribute() + "' is computed when Terraform runs");
    }
  }
}
