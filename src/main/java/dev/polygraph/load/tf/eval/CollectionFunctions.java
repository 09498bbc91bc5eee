package dev.polygraph.load.tf.eval;

import static dev.polygraph.load.tf.eval.Args.fail;
import static dev.polygraph.load.tf.eval.Args.notKnown;

import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Terraform's collection and set functions; sets are lists, sorted when every element is a known string. */
final class CollectionFunctions {

  /** More combinations than this from setproduct() is an error, not a value. */
  static final int MAX_PRODUCT = 10_000;

  private CollectionFunctions() {}

  static Value concat(Args a) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.addAll(a.list(i).items());
    }
    return new ListValue(out, a.span());
  }

  static Value merge(Args a) {
    LinkedHashMap<String, MapValue.Entry> merged = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i++) {
      if (a.isNull(i)) {
        continue;
      }
      for (MapValue.Entry e : a.map(i).entries()) {
        merged.remove(e.key());
        merged.put(e.key(), e);
      }
    }
    return new MapValue(new ArrayList<>(merged.values()), a.span());
  }

  static Value toset(Args a) {
    return new ListValue(set(a.list(0).items()), a.span());
  }

  static Value tolist(Args a) {
    return new ListValue(a.list(0).items(), a.span());
  }

  static Value tomap(Args a) {
    return new MapValue(a.map(0).entries(), a.span());
  }

  static Value lookup(Args a) {
    Optional<Value> found = a.map(0).get(a.literal(1));
    if (found.isPresent()) {
      return found.get();
    }
    if (a.size() == 3) {
      return a.get(2);
    }
    throw fail("the map has no key \"" + a.literal(1) + "\"");
  }

  static Value element(Args a) {
    List<Value> items = a.list(0).items();
    if (items.isEmpty()) {
      throw fail("cannot use element() with an empty list");
    }
    int i = a.integer(1);
    if (i < 0) {
      throw fail("element() index must not be negative");
    }
    return items.get(i % items.size());
  }

  static Value coalesce(Args a) {
    for (Value v : a.all()) {
      if (v instanceof Absent) {
        continue;
      }
      if (v instanceof Text t && t.literal().isPresent() && t.literal().get().isEmpty()) {
        continue;
      }
      return v;
    }
    throw fail("no non-null, non-empty argument to coalesce()");
  }

  static Value coalescelist(Args a) {
    for (int i = 0; i < a.size(); i++) {
      if (!a.list(i).items().isEmpty()) {
        return a.get(i);
      }
    }
    return new ListValue(List.of(), a.span());
  }

  static Value compact(Args a) {
    List<Value> out = new ArrayList<>();
    for (Value v : a.list(0).items()) {
      if (v instanceof Unknown u) {
        throw notKnown(u.reason());
      }
      if (!(v instanceof Absent) && !Optional.of("").equals(ValueOps.literalOf(v))) {
        out.add(v);
      }
    }
    return new ListValue(out, a.span());
  }

  static Value distinct(Args a) {
    return new ListValue(distinct(a.list(0).items()), a.span());
  }

  static Value flatten(Args a) {
    List<Value> out = new ArrayList<>();
    flatten(a.list(0), out);
    return new ListValue(out, a.span());
  }

  static Value keys(Args a) {
    List<Value> out = new ArrayList<>();
    sorted(a.map(0)).forEach(e -> out.add(Text.of(e.key(), e.keySpan())));
    return new ListValue(out, a.span());
  }

  static Value values(Args a) {
    List<Value> out = new ArrayList<>();
    sorted(a.map(0)).forEach(e -> out.add(e.value()));
    return new ListValue(out, a.span());
  }

  static Value length(Args a) {
    Value v = a.get(0);
    int n;
    if (v instanceof ListValue l) {
      n = l.items().size();
    } else if (v instanceof MapValue m) {
      n = (int) m.entries().stream().map(MapValue.Entry::key).distinct().count();
    } else if (v instanceof Text) {
      String s = a.literal(0);
      n = s.codePointCount(0, s.length());
    } else {
      throw fail("cannot take the length of null");
    }
    return ValueOps.number(BigDecimal.valueOf(n), a.span());
  }

  static Value contains(Args a) {
    boolean unknown = false;
    for (Value item : a.list(0).items()) {
      Boolean e = ValueOps.equal(item, a.get(1));
      if (Boolean.TRUE.equals(e)) {
        return ValueOps.bool(true, a.span());
      }
      unknown |= e == null;
    }
    if (unknown) {
      throw notKnown("cannot tell whether the list contains the value");
    }
    return ValueOps.bool(false, a.span());
  }

  static Value one(Args a) {
    List<Value> items = a.list(0).items();
    if (items.size() > 1) {
      throw fail("one() needs a list of at most one element, got " + items.size());
    }
    return items.isEmpty() ? new Absent(a.span()) : items.get(0);
  }

  static Value sort(Args a) {
    List<String> strings = new ArrayList<>();
    for (Value item : a.list(0).items()) {
      strings.add(Args.literalOf(item, "sort() element"));
    }
    strings.sort(null);
    return new ListValue(strings.stream().map(s -> (Value) Text.of(s, a.span())).toList(), a.span());
  }

  static Value reverse(Args a) {
    List<Value> items = new ArrayList<>(a.list(0).items());
    Collections.reverse(items);
    return new ListValue(items, a.span());
  }

  static Value slice(Args a) {
    List<Value> items = a.list(0).items();
    int from = a.integer(1);
    int to = a.integer(2);
    if (from < 0 || to > items.size() || from > to) {
      throw fail("slice(" + from + ", " + to + ") is out of range for a list of " + items.size());
    }
    return new ListValue(items.subList(from, to), a.span());
  }

  static Value index(Args a) {
    List<Value> items = a.list(0).items();
    for (int i = 0; i < items.size(); i++) {
      Boolean e = ValueOps.equal(items.get(i), a.get(1));
      if (e == null) {
        throw notKnown("cannot tell whether element " + i + " is the value");
      }
      if (e) {
        return ValueOps.number(BigDecimal.valueOf(i), a.span());
      }
    }
    throw fail("the value is not in the list");
  }

  static Value chunklist(Args a) {
    List<Value> items = a.list(0).items();
    int size = a.integer(1);
    if (size < 0) {
      throw fail("chunklist() size must not be negative");
    }
    List<Value> chunks = new ArrayList<>();
    if (size == 0) {
      chunks.add(new ListValue(items, a.span()));
    } else {
      for (int i = 0; i < items.size(); i += size) {
        chunks.add(new ListValue(items.subList(i, Math.min(items.size(), i + size)), a.span()));
      }
    }
    return new ListValue(chunks, a.span());
  }

  static Value zipmap(Args a) {
    List<Value> ks = a.list(0).items();
    List<Value> vs = a.list(1).items();
    if (ks.size() != vs.size()) {
      throw fail("zipmap() needs lists of the same length, got " + ks.size() + " keys and "
          + vs.size() + " values");
    }
    List<MapValue.Entry> entries = new ArrayList<>();
    for (int i = 0; i < ks.size(); i++) {
      entries.add(new MapValue.Entry(Args.literalOf(ks.get(i), "a map key"), ks.get(i).span(), vs.get(i)));
    }
    return new MapValue(entries, a.span());
  }

  static Value alltrue(Args a) {
    return allOrAny(a, true);
  }

  static Value anytrue(Args a) {
    return allOrAny(a, false);
  }

  private static Value allOrAny(Args a, boolean all) {
    boolean unknown = false;
    for (Value v : a.list(0).items()) {
      Boolean b = ValueOps.asBool(v);
      if (b == null && (v instanceof Unknown || v instanceof OneOf || (v instanceof Text t && t.literal().isEmpty()))) {
        unknown = true;
        continue;
      }
      if (b == null) {
        throw fail("an element of the list is " + ValueOps.typeName(v) + ", not a bool");
      }
      if (b != all) {
        return ValueOps.bool(!all, a.span());
      }
    }
    if (unknown) {
      throw notKnown("an element of the list is not known");
    }
    return ValueOps.bool(all, a.span());
  }

  static Value setproduct(Args a) {
    List<List<Value>> acc = List.of(List.of());
    for (int i = 0; i < a.size(); i++) {
      List<List<Value>> next = new ArrayList<>();
      for (List<Value> prefix : acc) {
        for (Value item : a.list(i).items()) {
          List<Value> combo = new ArrayList<>(prefix);
          combo.add(item);
          next.add(combo);
        }
      }
      if (next.size() > MAX_PRODUCT) {
        throw fail("setproduct() would make more than " + MAX_PRODUCT + " combinations");
      }
      acc = next;
    }
    List<Value> out = new ArrayList<>();
    acc.forEach(c -> out.add(new ListValue(c, a.span())));
    return new ListValue(out, a.span());
  }

  static Value setunion(Args a) {
    return setOp(a, 0);
  }

  static Value setintersection(Args a) {
    return setOp(a, 1);
  }

  static Value setsubtract(Args a) {
    return setOp(a, 2);
  }

  /** kind 0: union, 1: intersection, 2: difference. */
  private static Value setOp(Args a, int kind) {
    List<Value> result = new ArrayList<>(a.list(0).items());
    for (int i = 1; i < a.size(); i++) {
      List<Value> other = a.list(i).items();
      if (kind == 0) {
        result.addAll(other);
      } else {
        List<Value> kept = new ArrayList<>();
        for (Value v : result) {
          boolean in = false;
          for (Value o : other) {
            Boolean e = ValueOps.equal(v, o);
            if (e == null) {
              throw notKnown("cannot tell whether two elements are equal");
            }
            in |= e;
          }
          if (in == (kind == 1)) {
            kept.add(v);
          }
        }
        result = kept;
      }
    }
    return new ListValue(set(result), a.span());
  }

  static List<Value> set(List<Value> items) {
    List<Value> unique = distinct(items);
    boolean allLiteral = unique.stream().allMatch(v -> ValueOps.literalOf(v).isPresent());
    if (!allLiteral) {
      return unique;
    }
    // Terraform orders a set of strings lexicographically.
    TreeMap<String, Value> sorted = new TreeMap<>();
    unique.forEach(v -> sorted.put(ValueOps.literalOf(v).orElseThrow(), v));
    return new ArrayList<>(sorted.values());
  }

  private static List<Value> distinct(List<Value> items) {
    List<Value> out = new ArrayList<>();
    for (Value v : items) {
      boolean seen = false;
      for (Value o : out) {
        Boolean e = ValueOps.equal(o, v);
        if (e == null) {
          throw notKnown("cannot tell whether two elements are equal");
        }
        seen |= e;
      }
      if (!seen) {
        out.add(v);
      }
    }
    return out;
  }

  private static void flatten(Value v, List<Value> out) {
    if (v instanceof ListValue l) {
      l.items().forEach(i -> flatten(i, out));
    } else if (v instanceof Unknown u) {
      throw notKnown(u.reason());
    } else if (v instanceof OneOf) {
      throw notKnown("an element of the list depends on conditions");
    } else {
      out.add(v);
    }
  }

  private static List<MapValue.Entry> sorted(MapValue map) {
    TreeMap<String, MapValue.Entry> sorted = new TreeMap<>();
    map.entries().forEach(e -> sorted.put(e.key(), e));
    return new ArrayList<>(sorted.values());
  }

  static Value range(Args a) {
    BigDecimal start = a.size() == 1 ? BigDecimal.ZERO : a.number(0);
    BigDecimal limit = a.size() == 1 ? a.number(0) : a.number(1);
    BigDecimal step = a.size() == 3 ? a.number(2) : BigDecimal.valueOf(limit.compareTo(start) >= 0 ? 1 : -1);
    if (step.signum() == 0) {
      throw fail("range() step must not be zero");
    }
    List<Value> out = new ArrayList<>();
    for (BigDecimal v = start; step.signum() > 0 ? v.compareTo(limit) < 0 : v.compareTo(limit) > 0; v = v.add(step)) {
      if (out.size() >= 1024) {
        throw fail("range() would make more than 1024 elements");
      }
      out.add(ValueOps.number(v, a.span()));
    }
    return new ListValue(out, a.span());
  }
}
