package dev.polygraph.load.tf.eval;

import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values that depend on a guard, written as {@link OneOf}s whose branches cover every case: a guard
 * is a conjunction, so "not (a and b)" is split into "not a" and "a and not b".
 */
public final class Alternatives {

  private Alternatives() {}

  /** {@code value} where {@code guard} holds, nothing elsewhere: a guarded list item or entry. */
  public static Value onlyWhen(Guard guard, Value value) {
    return when(guard, value, new Absent(value.span()));
  }

  /** {@code then} where {@code guard} holds, {@code otherwise} in every other case. */
  public static Value when(Guard guard, Value then, Value otherwise) {
    if (guard.isAlways()) {
      return then;
    }
    List<Guarded<Value>> branches = new ArrayList<>();
    branches.add(new Guarded<>(guard, then));
    Map<String, Boolean> held = new LinkedHashMap<>();
    for (Map.Entry<String, Boolean> term : guard.terms().entrySet()) {
      Map<String, Boolean> failing = new LinkedHashMap<>(held);
      failing.put(term.getKey(), !term.getValue());
      branches.add(new Guarded<>(new Guard(failing), otherwise));
      held.put(term.getKey(), term.getValue());
    }
    return new OneOf(branches, then.span());
  }

  /**
   * The first candidate whose guard holds, in order; Absent when none does. This is how a block
   * Terraform allows once reads when dynamic blocks may or may not produce it.
   */
  public static Value firstOf(List<Guarded<Value>> candidates, Value none) {
    Value out = none;
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Guarded<Value> c = candidates.get(i);
      out = when(c.guard(), c.value(), out);
    }
    return out;
  }
}
