package dev.polygraph.load.tf.eval;

import dev.polygraph.load.tf.hcl.Operator;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** HCL's unary and binary operators on values. */
final class Operators {

  private Operators() {}

  static Value unary(ValueOps ops, Operator op, Value operand, Span span) {
    return ops.map(operand, span, v -> {
      if (op == Operator.NOT) {
        Boolean b = ValueOps.asBool(v);
        return b != null ? ValueOps.bool(!b, span) : notA(ops, "bool", v, "!", span);
      }
      BigDecimal n = ValueOps.asNumber(v);
      return n != null ? ValueOps.number(n.negate(), span) : notA(ops, "number", v, "-", span);
    });
  }

  static Value binary(ValueOps ops, Operator op, Value left, Value right, Span span) {
    if (op == Operator.AND || op == Operator.OR) {
      return logical(ops, op == Operator.AND, left, right, span);
    }
    if (op == Operator.EQUAL || op == Operator.NOT_EQUAL) {
      boolean negate = op == Operator.NOT_EQUAL;
      return ops.map2(left, right, span, (a, b) -> {
        Boolean e = ValueOps.equal(a, b);
        return e == null
            ? new Unknown("cannot tell whether the operands of '" + op.symbol() + "' are equal", span)
            : ValueOps.bool(e != negate, span);
      });
    }
    return ops.map2(left, right, span, (a, b) -> {
      BigDecimal x = ValueOps.asNumber(a);
      BigDecimal y = ValueOps.asNumber(b);
      if (x == null) {
        return notA(ops, "number", a, op.symbol(), span);
      }
      if (y == null) {
        return notA(ops, "number", b, op.symbol(), span);
      }
      switch (op) {
        case ADD:
          return ValueOps.number(x.add(y), span);
        case SUBTRACT:
          return ValueOps.number(x.subtract(y), span);
        case MULTIPLY:
          return ValueOps.number(x.multiply(y), span);
        case DIVIDE:
          return y.signum() == 0 ? ops.error("division by zero", span)
              : ValueOps.number(ValueOps.divide(x, y), span);
        case MODULO:
          return y.signum() == 0 ? ops.error("modulo by zero", span)
              : ValueOps.number(x.remainder(y), span);
        case LESS:
          return ValueOps.bool(x.compareTo(y) < 0, span);
        case LESS_OR_EQUAL:
          return ValueOps.bool(x.compareTo(y) <= 0, span);
        case GREATER:
          return ValueOps.bool(x.compareTo(y) > 0, span);
        default:
          return ValueOps.bool(x.compareTo(y) >= 0, span);
      }
    });
  }

  /** {@code &&}/{@code ||}: a known deciding operand wins even when the other is not known. */
  private static Value logical(ValueOps ops, boolean and, Value left, Value right, Span span) {
    Boolean l = ValueOps.asBool(left);
    Boolean r = ValueOps.asBool(right);
    boolean decides = !and;
    if ((l != null && l == decides) || (r != null && r == decides)) {
      if (!(left instanceof Unknown ul && ops.isError(ul)) && !(right instanceof Unknown ur && ops.isError(ur))) {
        return ValueOps.bool(decides, span);
      }
    }
    if (left instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<Value> b : one.branches()) {
        out.add(new Guarded<>(b.guard(), logical(ops, and, b.value(), right, span)));
      }
      return ops.oneOf(out, span);
    }
    if (right instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<Value> b : one.branches()) {
        out.add(new Guarded<>(b.guard(), logical(ops, and, left, b.value(), span)));
      }
      return ops.oneOf(out, span);
    }
    String symbol = and ? "&&" : "||";
    if (left instanceof Unknown u) {
      return ops.moved(u, span);
    }
    if (right instanceof Unknown u) {
      return ops.moved(u, span);
    }
    if (l == null) {
      return notA(ops, "bool", left, symbol, span);
    }
    if (r == null) {
      return notA(ops, "bool", right, symbol, span);
    }
    return ValueOps.bool(and ? l && r : l || r, span);
  }

  private static Value notA(ValueOps ops, String type, Value v, String symbol, Span span) {
    if (v instanceof dev.polygraph.value.Text t && t.literal().isEmpty()) {
      return new Unknown("'" + t.display() + "' is not a known " + type + " for '" + symbol + "'", span);
    }
    return ops.error("'" + symbol + "' needs a " + type + ", not " + ValueOps.typeName(v), span);
  }
}
