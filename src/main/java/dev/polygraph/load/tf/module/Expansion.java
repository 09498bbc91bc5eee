package dev.polygraph.load.tf.module;

import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
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
import java.util.function.Predicate;

/**
 * The instances a {@code count} or {@code for_each} gives: keys, each under the guard of the
 * branches where it exists. An instance that exists in some branches but not all takes the terms
 * those branches share (Guard is a conjunction, so "a or b" widens to what both say).
 *
 * @param instances in Terraform's order (indexes ascending, keys lexical)
 * @param unknown why the instances cannot be told, or null; with instances, why there may be more
 *     than these (a for_each over a partly known collection)
 */
record Expansion(List<Instance> instances, String unknown) {

  /** Past this many instances the rest are not read. */
  static final int MAX_INSTANCES = 1000;

  /** One instance: its key (a number for count), its {@code each.value}, and its guard. */
  record Instance(Value key, boolean counted, Value eachValue, Guard guard) {
    String suffix() {
      String k = keyOf(key).orElse("");
      return counted ? "[" + k + "]" : "[\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
  }

  /** Some instances are known and there may be more. */
  boolean partial() {
    return unknown != null && !instances.isEmpty();
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

  /**
   * @param isMore tells the marker that ends a partly known collection: the known keys are
   *     instances, and the expansion says there may be more
   */
  static Expansion forEach(Value forEach, Predicate<Value> isMore) {
    Map<String, List<Guarded<Value>>> byKey = new TreeMap<>();
    Map<String, Value> keyValues = new LinkedHashMap<>();
    List<Guarded<Value>> branches = branches(forEach);
    String more = null;
    for (Guarded<Value> b : branches) {
      Value v = b.value();
      if (v instanceof MapValue map) {
        for (MapValue.Entry e : map.entries()) {
          if (isMore.test(e.value())) {
            more = more != null ? more : ((Unknown) e.value()).reason();
            continue;
          }
          keyValues.putIfAbsent(e.key(), Text.of(e.key(), e.keySpan()));
          byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(new Guarded<>(b.guard(), e.value()));
        }
      } else if (v instanceof ListValue list) {
        for (Guarded<Value> item : Values.items(list)) {
          if (isMore.test(item.value())) {
            more = more != null ? more : ((Unknown) item.value()).reason();
            continue;
          }
          Optional<String> key = keyOf(item.value());
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
    return new Expansion(out, more);
  }

  /**
   * The instance key a for_each element gives: its string, where the only parts not fixed in the
   * source are deployment facts known when Terraform plans ({@code
   * "arn:${data.aws_partition.current.partition}:iam::aws:policy/X"} is one key in any partition).
   */
  static Optional<String> keyOf(Value value) {
    if (!(value instanceof Text t)) {
      return Optional.empty();
    }
    boolean planned = t.parts().stream().allMatch(p -> p instanceof Text.Literal
        || (p instanceof Text.Sym s && s.symbol() instanceof Symbol.Pseudo));
    return planned ? Optional.of(t.display()) : Optional.empty();
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
