package dev.polygraph.load.tf.module;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The instances a {@code count} or {@code for_each} gives: keys, each under the guard of the
 * branches where it exists. An instance that exists in some branches but not all takes the terms
 * those branches share (Guard is a conjunction, so "a or b" widens to what both say).
 *
 * @param instances in Terraform's order (indexes ascending, keys lexical)
 * @param unknown why the instances cannot be told, or null
 */
record Expansion(List<Instance> instances, String unknown) {

  /** Past this many instances the rest are not read. */
  static final int MAX_INSTANCES = 1000;

  /** One instance: its key (a number for count), its {@code each.value}, and its guard. */
  record Instance(Value key, boolean counted, Value eachValue, Guard guard) {
    String suffix() {
      String k = ((Text) key).literal().orElse("");
      return counted ? "[" + k + "]" : "[\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
  }

  static Expansion single() {
    return new Expansion(List.of(new Instance(null, false, null, Guard.ALWAYS)), null);
  }

  static Expansion count(Value count) {
    List<Guarded<Value>> branches = branches(count);
    List<Guarded<Integer>> numbers = new ArrayList<>();
    for (Guarded<Value> b : branches) {
      Optional<String> literal = Values.literal(b.value());
      Integer n = literal.map(Expansion::wholeNumber).orElse(null);
      if (n == null) {
        return new Expansion(List.of(), b.value() instanceof Unknown u ? u.reason()
            : "it is not a whole number");
      }
      numbers.add(new Guarded<>(b.guard(), Math.min(n, MAX_INSTANCES)));
    }
    int most = numbers.stream().mapToInt(Guarded::value).max().orElse(0);
    List<Instance> out = new ArrayList<>();
    for (int i = 0; i < most; i++) {
      List<Guard> present = new ArrayList<>();
      for (Guarded<Integer> n : numbers) {
        if (n.value() > i) {
          present.add(n.guard());
        }
      }
      Text key = Text.of(Integer.toString(i), count.span());
      out.add(new Instance(key, true, null, combine(present, numbers.size())));
    }
    return new Expansion(out, null);
  }

  static Expansion forEach(Value forEach) {
    Map<String, List<Guarded<Value>>> byKey = new TreeMap<>();
    Map<String, Value> keyValues = new LinkedHashMap<>();
    List<Guarded<Value>> branches = branches(forEach);
    for (Guarded<Value> b : branches) {
      Value v = b.value();
      if (v instanceof MapValue map) {
        for (MapValue.Entry e : map.entries()) {
          keyValues.putIfAbsent(e.key(), Text.of(e.key(), e.keySpan()));
          byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(new Guarded<>(b.guard(), e.value()));
        }
      } else if (v instanceof ListValue list) {
        for (Guarded<Value> item : Values.items(list)) {
          Optional<String> key = Values.literal(item.value());
          if (key.isEmpty()) {
            return new Expansion(List.of(), item.value() instanceof Unknown u ? u.reason()
                : "a key is not known");
          }
          Optional<Guard> g = b.guard().and(item.guard());
          if (g.isPresent()) {
            keyValues.putIfAbsent(key.get(), item.value());
            byKey.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(new Guarded<>(g.get(), item.value()));
          }
        }
      } else if (v instanceof Unknown u) {
        return new Expansion(List.of(), u.reason());
      } else if (!(v instanceof Absent)) {
        return new Expansion(List.of(), "it is neither a map nor a set of strings");
      } else {
        return new Expansion(List.of(), "it is null");
      }
    }
    List<Instance> out = new ArrayList<>();
    for (Map.Entry<String, List<Guarded<Value>>> e : byKey.entrySet()) {
      if (out.size() == MAX_INSTANCES) {
        break;
      }
      List<Guarded<Value>> values = e.getValue();
      Value each = values.size() == 1 ? values.get(0).value() : new OneOf(values, forEach.span());
      List<Guard> present = values.stream().map(Guarded::guard).toList();
      out.add(new Instance(keyValues.get(e.getKey()), false, each, combine(present, branches.size())));
    }
    return new Expansion(out, null);
  }

  /** A value's top-level alternatives; the values inside are left as they are. */
  private static List<Guarded<Value>> branches(Value value) {
    List<Guarded<Value>> out = new ArrayList<>();
    collect(value, Guard.ALWAYS, out);
    return out;
  }

  private static void collect(Value value, Guard guard, List<Guarded<Value>> out) {
    if (value instanceof OneOf one) {
      for (Guarded<Value> b : one.branches()) {
        guard.and(b.guard()).ifPresent(g -> collect(b.value(), g, out));
      }
    } else {
      out.add(new Guarded<>(guard, value));
    }
  }

  private static Guard combine(List<Guard> present, int branches) {
    if (present.size() == 1) {
      return present.get(0);
    }
    if (present.size() == branches) {
      return Guard.ALWAYS;
    }
    Map<String, Boolean> shared = new TreeMap<>(present.get(0).terms());
    for (Guard g : present) {
      shared.entrySet().removeIf(t -> !t.getValue().equals(g.terms().get(t.getKey())));
    }
    return new Guard(shared);
  }

  private static Integer wholeNumber(String text) {
    try {
      BigDecimal n = new BigDecimal(text.trim());
      return n.signum() < 0 ? null : n.intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
