package dev.polygraph.load.tf.eval;

import dev.polygraph.load.tf.hcl.ExprText;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Terraform's scalar conversions, equality and the distribution of operations over {@link OneOf}. */
final class ValueOps {

  private final Evaluation evaluation;

  ValueOps(Evaluation evaluation) {
    this.evaluation = evaluation;
  }

  static Text number(BigDecimal value, Span span) {
    return Text.of(ExprText.number(value), span);
  }

  static Text bool(boolean value, Span span) {
    return Text.of(Boolean.toString(value), span);
  }

  /** The value as a number, or null when it is not a known number. */
  static BigDecimal asNumber(Value value) {
    Optional<String> s = Values.literal(value);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(s.get().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Optional<String> literalOf(Value value) {
    return Values.literal(value);
  }

  /** The value as a bool, or null when it is not "true"/"false". */
  static Boolean asBool(Value value) {
    Optional<String> s = Values.literal(value);
    if (s.isPresent() && s.get().equals("true")) {
      return Boolean.TRUE;
    }
    if (s.isPresent() && s.get().equals("false")) {
      return Boolean.FALSE;
    }
    return null;
  }

  static String typeName(Value value) {
    if (value instanceof ListValue) {
      return "a list";
    }
    if (value instanceof MapValue) {
      return "a map";
    }
    if (value instanceof Absent) {
      return "null";
    }
    if (value instanceof Unknown) {
      return "a value not known";
    }
    if (value instanceof OneOf) {
      return "a value that depends on conditions";
    }
    return "'" + ((Text) value).display() + "'";
  }

  Unknown error(String reason, Span span) {
    return evaluation.error(reason, span);
  }

  Unknown moved(Unknown u, Span span) {
    return evaluation.moved(u, span);
  }

  // Partly known collections ----------------------------------------------------------------------

  /** The key of the entry that ends a partly known map; its value is the marker. */
  static final String MORE_KEY = "…";

  /**
   * The marker that ends a partly known collection: a list {@code [a, b, more]} or a map
   * {@code {a = 1, … = more}} is "at least these elements, maybe more". The known elements exist,
   * grant and are checked; the marker is an ordinary {@link Unknown} to whoever does not look for it.
   */
  Unknown more(String reason, Span span) {
    return evaluation.more(reason, span);
  }

  boolean isMore(Value value) {
    return value instanceof Unknown u && evaluation.isMore(u);
  }

  /** The marker ending the list or map, or null when it is wholly known. */
  Unknown moreOf(Value value) {
    if (value instanceof ListValue l && !l.items().isEmpty() && isMore(l.items().get(l.items().size() - 1))) {
      return (Unknown) l.items().get(l.items().size() - 1);
    }
    if (value instanceof MapValue m && !m.entries().isEmpty()
        && isMore(m.entries().get(m.entries().size() - 1).value())) {
      return (Unknown) m.entries().get(m.entries().size() - 1).value();
    }
    return null;
  }

  /** The known items of a list, without its marker. */
  List<Value> knownItems(ListValue list) {
    return moreOf(list) == null ? list.items() : list.items().subList(0, list.items().size() - 1);
  }

  /** The known entries of a map, without its marker. */
  List<MapValue.Entry> knownEntries(MapValue map) {
    return moreOf(map) == null ? map.entries() : map.entries().subList(0, map.entries().size() - 1);
  }

  /**
   * The known items and, when {@code more} is not null, the marker: a list that is at least these.
   * With no known item it is only what is not known: an unknown.
   */
  Value list(List<Value> known, Unknown more, Span span) {
    if (more == null) {
      return new ListValue(known, span);
    }
    if (known.isEmpty()) {
      return new Unknown(more.reason(), span);
    }
    List<Value> items = new ArrayList<>(known);
    items.add(more(more.reason(), more.span()));
    return new ListValue(items, span);
  }

  /** The known entries and, when {@code more} is not null, the marker entry: a map that is at least these. */
  Value map(List<MapValue.Entry> known, Unknown more, Span span) {
    if (more == null) {
      return new MapValue(known, span);
    }
    if (known.isEmpty()) {
      return new Unknown(more.reason(), span);
    }
    List<MapValue.Entry> entries = new ArrayList<>(known);
    entries.add(new MapValue.Entry(MORE_KEY, more.span(), more(more.reason(), more.span())));
    return new MapValue(entries, span);
  }

  boolean isError(Unknown u) {
    return evaluation.isError(u);
  }

  /** {@code op} applied to the value, branch by branch through OneOf, unknowns passed through. */
  Value map(Value value, Span span, Function<Value, Value> op) {
    if (value instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<Value> b : one.branches()) {
        out.add(new Guarded<>(b.guard(), map(b.value(), span, op)));
      }
      return oneOf(out, span);
    }
    if (value instanceof Unknown u) {
      return moved(u, span);
    }
    return op.apply(value);
  }

  /** {@code op} applied to both values, each combination of their branches under both guards. */
  Value map2(Value a, Value b, Span span, BiFunction<Value, Value, Value> op) {
    if (a instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<Value> branch : one.branches()) {
        out.add(new Guarded<>(branch.guard(), map2(branch.value(), b, span, op)));
      }
      return oneOf(out, span);
    }
    if (b instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<Value> branch : one.branches()) {
        out.add(new Guarded<>(branch.guard(), map2(a, branch.value(), span, op)));
      }
      return oneOf(out, span);
    }
    if (a instanceof Unknown u) {
      return moved(u, span);
    }
    if (b instanceof Unknown u) {
      return moved(u, span);
    }
    return op.apply(a, b);
  }

  /**
   * The branches as one value: nested OneOfs flattened with their guards joined, contradictions
   * dropped, equal neighbours merged; one branch left is the value itself.
   */
  Value oneOf(List<Guarded<Value>> branches, Span span) {
    List<Guarded<Value>> flat = new ArrayList<>();
    for (Guarded<Value> b : branches) {
      if (b.value() instanceof OneOf inner) {
        for (Guarded<Value> ib : inner.branches()) {
          b.guard().and(ib.guard()).ifPresent(g -> flat.add(new Guarded<>(g, ib.value())));
        }
      } else {
        flat.add(b);
      }
    }
    if (flat.isEmpty()) {
      return error("no combination of conditions gives a value", span);
    }
    if (flat.size() > Values.MAX_VARIANTS) {
      return error("more than " + Values.MAX_VARIANTS + " combinations of conditions", span);
    }
    boolean allSame = flat.stream().allMatch(b -> sameValue(b.value(), flat.get(0).value()));
    if (flat.size() == 1 || allSame) {
      return flat.get(0).value();
    }
    return new OneOf(flat, span);
  }

  private static boolean sameValue(Value a, Value b) {
    return Boolean.TRUE.equals(equal(a, b)) || (a instanceof Unknown ua && b instanceof Unknown ub
        && ua.reason().equals(ub.reason()));
  }

  /** Structural equality ignoring spans; null when it cannot be known. */
  static Boolean equal(Value a, Value b) {
    if (a instanceof Unknown || b instanceof Unknown || a instanceof OneOf || b instanceof OneOf) {
      return null;
    }
    if (a instanceof Absent || b instanceof Absent) {
      return a instanceof Absent && b instanceof Absent;
    }
    if (a instanceof Text ta && b instanceof Text tb) {
      if (ta.parts().equals(tb.parts())) {
        return true;
      }
      BigDecimal na = asNumber(ta);
      BigDecimal nb = asNumber(tb);
      if (na != null && nb != null) {
        return na.compareTo(nb) == 0;
      }
      return ta.literal().isPresent() && tb.literal().isPresent() ? false : null;
    }
    if (a instanceof ListValue la && b instanceof ListValue lb) {
      if (la.items().size() != lb.items().size()) {
        return false;
      }
      return all(la.items(), lb.items());
    }
    if (a instanceof MapValue ma && b instanceof MapValue mb) {
      List<String> ka = ma.entries().stream().map(MapValue.Entry::key).distinct().sorted().toList();
      List<String> kb = mb.entries().stream().map(MapValue.Entry::key).distinct().sorted().toList();
      if (!ka.equals(kb)) {
        return false;
      }
      List<Value> va = ka.stream().map(k -> ma.get(k).orElseThrow()).toList();
      List<Value> vb = ka.stream().map(k -> mb.get(k).orElseThrow()).toList();
      return all(va, vb);
    }
    return false;
  }

  private static Boolean all(List<Value> a, List<Value> b) {
    boolean unknown = false;
    for (int i = 0; i < a.size(); i++) {
      Boolean e = equal(a.get(i), b.get(i));
      if (Boolean.FALSE.equals(e)) {
        return false;
      }
      unknown |= e == null;
    }
    return unknown ? null : Boolean.TRUE;
  }

  /** Division keeping Terraform's precision for non-terminating quotients. */
  static BigDecimal divide(BigDecimal a, BigDecimal b) {
    try {
      return a.divide(b);
    } catch (ArithmeticException e) {
      return a.divide(b, MathContext.DECIMAL64);
    }
  }

  static Guard guard(String name, boolean value) {
    return Guard.of(name, value);
  }
}
