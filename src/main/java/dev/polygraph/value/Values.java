package dev.polygraph.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Format-neutral operations on values: expanding alternatives and flattening guarded lists. */
public final class Values {

  /** Past this many variants an expansion gives up and answers unknown. */
  public static final int MAX_VARIANTS = 64;

  private Values() {}

  /**
   * The value's alternatives with no {@link OneOf} left anywhere inside, each under its guard;
   * {@link Absent} map entries and list items are dropped. Contradictory combinations are skipped. A
   * value with more than {@link #MAX_VARIANTS} alternatives becomes one {@link Unknown}.
   */
  public static List<Guarded<Value>> variants(Value value) {
    List<Guarded<Value>> out = expand(value, Guard.ALWAYS);
    if (out == null) {
      return List.of(
          Guarded.always(new Unknown("more than " + MAX_VARIANTS + " combinations of conditions", value.span())));
    }
    return out;
  }

  /**
   * The items of a list-valued property, each under its guard: {@code [A, !If [C, B, !Ref
   * AWS::NoValue]]} gives A always and B when C is true. A non-list value is one item. Items are
   * not expanded further inside (a map item may still hold a OneOf).
   */
  public static List<Guarded<Value>> items(Value value) {
    List<Guarded<Value>> out = new ArrayList<>();
    collectItems(value, Guard.ALWAYS, out);
    return out;
  }

  private static void collectItems(Value value, Guard guard, List<Guarded<Value>> out) {
    if (value instanceof OneOf one) {
      for (Guarded<Value> b : one.branches()) {
        guard.and(b.guard()).ifPresent(g -> collectItems(b.value(), g, out));
      }
    } else if (value instanceof ListValue list) {
      for (Value item : list.items()) {
        if (item instanceof OneOf || item instanceof Absent) {
          collectItems(item, guard, out);
        } else {
          out.add(new Guarded<>(guard, item));
        }
      }
    } else if (!(value instanceof Absent)) {
      out.add(new Guarded<>(guard, value));
    }
  }

  /** The literal string of a text value, if it is one. */
  public static Optional<String> literal(Value value) {
    return value instanceof Text t ? t.literal() : Optional.empty();
  }

  private static List<Guarded<Value>> expand(Value value, Guard guard) {
    if (value instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<Value> b : one.branches()) {
        Optional<Guard> g = guard.and(b.guard());
        if (g.isEmpty()) {
          continue;
        }
        List<Guarded<Value>> sub = expand(b.value(), g.get());
        if (sub == null || out.size() + sub.size() > MAX_VARIANTS) {
          return null;
        }
        out.addAll(sub);
      }
      return out;
    }
    if (value instanceof ListValue list) {
      List<Guarded<List<Value>>> acc = List.of(new Guarded<>(guard, List.of()));
      for (Value item : list.items()) {
        List<Guarded<List<Value>>> next = new ArrayList<>();
        for (Guarded<List<Value>> prefix : acc) {
          List<Guarded<Value>> alts = expand(item, prefix.guard());
          if (alts == null) {
            return null;
          }
          for (Guarded<Value> alt : alts) {
            List<Value> items = new ArrayList<>(prefix.value());
            if (!(alt.value() instanceof Absent)) {
              items.add(alt.value());
            }
            next.add(new Guarded<>(alt.guard(), items));
          }
        }
        if (next.size() > MAX_VARIANTS) {
          return null;
        }
        acc = next;
      }
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<List<Value>> g : acc) {
        out.add(new Guarded<>(g.guard(), new ListValue(g.value(), list.span())));
      }
      return out;
    }
    if (value instanceof MapValue map) {
      List<Guarded<List<MapValue.Entry>>> acc = List.of(new Guarded<>(guard, List.of()));
      for (MapValue.Entry e : map.entries()) {
        List<Guarded<List<MapValue.Entry>>> next = new ArrayList<>();
        for (Guarded<List<MapValue.Entry>> prefix : acc) {
          List<Guarded<Value>> alts = expand(e.value(), prefix.guard());
          if (alts == null) {
            return null;
          }
          for (Guarded<Value> alt : alts) {
            List<MapValue.Entry> entries = new ArrayList<>(prefix.value());
            if (!(alt.value() instanceof Absent)) {
              entries.add(new MapValue.Entry(e.key(), e.keySpan(), alt.value()));
            }
            next.add(new Guarded<>(alt.guard(), entries));
          }
        }
        if (next.size() > MAX_VARIANTS) {
          return null;
        }
        acc = next;
      }
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<List<MapValue.Entry>> g : acc) {
        out.add(new Guarded<>(g.guard(), new MapValue(g.value(), map.span())));
      }
      return out;
    }
    return List.of(new Guarded<>(guard, value));
  }
}
