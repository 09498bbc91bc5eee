package dev.polygraph.load.tf.eval;

import static dev.polygraph.load.tf.eval.Args.fail;

import dev.polygraph.value.Value;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Terraform's numeric functions, and the conversions to number and bool. */
final class NumberFunctions {

  private NumberFunctions() {}

  static Value max(Args a) {
    return best(a, true);
  }

  static Value min(Args a) {
    return best(a, false);
  }

  private static Value best(Args a, boolean max) {
    BigDecimal best = a.number(0);
    for (int i = 1; i < a.size(); i++) {
      BigDecimal n = a.number(i);
      best = (max ? n.compareTo(best) > 0 : n.compareTo(best) < 0) ? n : best;
    }
    return ValueOps.number(best, a.span());
  }

  static Value sum(Args a) {
    List<Value> items = a.list(0).items();
    if (items.isEmpty()) {
      throw fail("cannot sum an empty list");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Value v : items) {
      total = total.add(Args.numberOf(v));
    }
    return ValueOps.number(total, a.span());
  }

  static Value abs(Args a) {
    return ValueOps.number(a.number(0).abs(), a.span());
  }

  static Value ceil(Args a) {
    return ValueOps.number(a.number(0).setScale(0, RoundingMode.CEILING), a.span());
  }

  static Value floor(Args a) {
    return ValueOps.number(a.number(0).setScale(0, RoundingMode.FLOOR), a.span());
  }

  static Value signum(Args a) {
    return ValueOps.number(BigDecimal.valueOf(a.number(0).signum()), a.span());
  }

  static Value tonumber(Args a) {
    if (a.isNull(0)) {
      return a.get(0);
    }
    return ValueOps.number(a.number(0), a.span());
  }

  static Value tobool(Args a) {
    if (a.isNull(0)) {
      return a.get(0);
    }
    Boolean b = ValueOps.asBool(a.get(0));
    if (b == null) {
      a.literal(0);
      throw fail("cannot convert " + ValueOps.typeName(a.get(0)) + " to a bool");
    }
    return ValueOps.bool(b, a.span());
  }
}
