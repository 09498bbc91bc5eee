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
    Unknown more = null;
    for (int i = 0; i < a.size(); i++) {
      Args.Items items = a.items(i);
      out.addAll(items.known());
      more = more != null ? more : items.more();
    }
    return a.ops().list(out, more, a.span());
  }

  /**
   * Later maps win. A map not known, or only partly, may add keys and replace values: the known
   * entries are kept (a key set by a known argument is in the result) and the result is "at least these".
   */
  static Value merge(Args a) {
    LinkedHashMap<String, MapValue.Entry> merged = new LinkedHashMap<>();
    Unknown more = null;
    for (int i = 0; i < a.size(); i++) {
      if (a.isNull(i)) {
        continue;
      }
      Args.Entries entries = a.entries(i);
      for (MapValue.Entry e : entries.known()) {
        merged.remove(e.key());
        merged.put(e.key(), e);
      }
      more = more != null ? more : entries.more();
    }
    return a.ops().map(new ArrayList<>(merged.values()), more, a.span());
  }

  static Value toset(Args a) {
    Args.Items items = a.items(0);
    return partialSet(a, items.known(), items.more());
  }

  static Value tolist(Args a) {
    Args.Items items = a.items(0);
    return a.ops().list(items.known(), items.more(), a.span());
  }

  static Value tomap(Args a) {
    Args.Entries entries = a.entries(0);
    return a.ops().map(entries.known(), entries.more(), a.span());
  }

  static Value lookup(Args a) {
    Args.Entries entries = a.entries(0);
    String key = a.literal(1);
    Optional<Value> found = new MapValue(entries.known(), a.span()).get(key);
    if (found.isPresent()) {
      return found.get();
    }
    if (entries.more() != null) {
      throw notKnown("whether the map has the key \"" + key + "\" is not known: " + entries.more().reason());
    }
    if (a.size() == 3) {
      return a.get(2);
    }
    throw fail("the map has no key \"" + key + "\"");
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

  /** An element not known may be "" or null, and so removed: it ends the list as "maybe more". */
  static Value compact(Args a) {
    Args.Items items = a.items(0);
    List<Value> out = new ArrayList<>();
    Unknown more = items.more();
    for (Value v : items.known()) {
      if (v instanceof Unknown || v instanceof OneOf) {
        more = more != null ? more : unknownElement(v);
        continue;
      }
      if (!(v instanceof Absent) && !Optional.of("").equals(ValueOps.literalOf(v))) {
        out.add(v);
      }
    }
    return a.ops().list(out, more, a.span());
  }

  static Value distinct(Args a) {
    Args.Items items = a.items(0);
    Distinct d = distinct(items.known());
    return a.ops().list(d.known(), items.more() != null ? items.more() : d.more(), a.span());
  }

  static Value flatten(Args a) {
    if (!(a.get(0) instanceof Unknown)) {
      a.list(0);
    }
    List<Value> out = new ArrayList<>();
    Unknown[] more = {null};
    flatten(a.ops(), a.get(0), out, more);
    return a.ops().list(out, more[0], a.span());
  }

  static Value keys(Args a) {
    Args.Entries entries = a.entries(0);
    List<Value> out = new ArrayList<>();
    sorted(entries.known()).forEach(e -> out.add(Text.of(e.key(), e.keySpan())));
    return a.ops().list(out, entries.more(), a.span());
  }

  static Value values(Args a) {
    Args.Entries entries = a.entries(0);
    List<Value> out = new ArrayList<>();
    sorted(entries.known()).forEach(e -> out.add(e.value()));
    return a.ops().list(out, entries.more(), a.span());
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
    Args.Items items = a.items(0);
    boolean unknown = items.more() != null;
    for (Value item : items.known()) {
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

  /** Known strings sorted; elements not known (or only partly) end the list as "maybe more". */
  static Value sort(Args a) {
    Args.Items items = a.items(0);
    Unknown more = items.more();
    List<String> strings = new ArrayList<>();
    for (Value item : items.known()) {
      if (item instanceof Unknown || item instanceof OneOf || (item instanceof Text t && t.literal().isEmpty())) {
        more = more != null ? more : unknownElement(item);
        continue;
      }
      strings.add(Args.literalOf(item, "sort() element"));
    }
    strings.sort(null);
    return a.ops().list(strings.stream().map(s -> (Value) Text.of(s, a.span())).toList(), more, a.span());
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
    List<Value> all = new ArrayList<>();
    Unknown more = null;
    for (int i = 0; i < a.size(); i++) {
      Args.Items items = a.items(i);
      all.addAll(items.known());
      more = more != null ? more : items.more();
    }
    return partialSet(a, all, more);
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

  /** A set of at least these elements: equal known ones merged, unknown ones the marker of more. */
  private static Value partialSet(Args a, List<Value> items, Unknown more) {
    Distinct d = distinct(items);
    Unknown rest = more != null ? more : d.more();
    return a.ops().list(sortedSet(d.known()), rest, a.span());
  }

  static List<Value> set(List<Value> items) {
    Distinct d = distinct(items);
    if (d.more() != null) {
      throw notKnown(d.more().reason());
    }
    return sortedSet(d.known());
  }

  private static List<Value> sortedSet(List<Value> unique) {
    boolean allLiteral = unique.stream().allMatch(v -> ValueOps.literalOf(v).isPresent());
    if (!allLiteral) {
      return unique;
    }
    // Terraform orders a set of strings lexicographically.
    TreeMap<String, Value> sorted = new TreeMap<>();
    unique.forEach(v -> sorted.put(ValueOps.literalOf(v).orElseThrow(), v));
    return new ArrayList<>(sorted.values());
  }

  /** Distinct elements; an element not known is the marker of maybe one more. */
  private record Distinct(List<Value> known, Unknown more) {}

  private static Distinct distinct(List<Value> items) {
    List<Value> out = new ArrayList<>();
    Unknown more = null;
    for (Value v : items) {
      if (v instanceof Unknown || v instanceof OneOf) {
        more = more != null ? more : unknownElement(v);
        continue;
      }
      boolean seen = false;
      for (Value o : out) {
        seen |= Boolean.TRUE.equals(ValueOps.equal(o, v));
      }
      // One that may or may not equal an element kept is kept too: it is in the set either way.
      if (!seen) {
        out.add(v);
      }
    }
    return new Distinct(out, more);
  }

  private static Unknown unknownElement(Value v) {
    return v instanceof Unknown u ? u : new Unknown("an element depends on conditions", v.span());
  }

  private static void flatten(ValueOps ops, Value v, List<Value> out, Unknown[] more) {
    if (v instanceof ListValue l) {
      ops.knownItems(l).forEach(i -> flatten(ops, i, out, more));
      Unknown rest = ops.moreOf(l);
      more[0] = more[0] != null || rest == null ? more[0] : rest;
    } else if (v instanceof Unknown || v instanceof OneOf) {
      // Flattened, it may be any number of elements.
      more[0] = more[0] != null ? more[0] : unknownElement(v);
    } else {
      out.add(v);
    }
  }

  private static List<MapValue.Entry> sorted(List<MapValue.Entry> entries) {
    TreeMap<String, MapValue.Entry> sorted = new TreeMap<>();
    entries.forEach(e -> sorted.put(e.key(), e));
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
