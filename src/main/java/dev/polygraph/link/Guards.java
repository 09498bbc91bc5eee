package dev.polygraph.link;

import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Scenario;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Combining guards: "all of these", "one of these and one of those", "none of these". */
final class Guards {

  /** Past this many guards a combination keeps the first list only: precision gives way to bounds. */
  static final int MAX_COMBINATIONS = 256;

  private Guards() {}

  /** All guards at once, or null when they contradict each other (the thing never exists). */
  static Guard and(Guard... guards) {
    Guard all = Guard.ALWAYS;
    for (Guard g : guards) {
      if (g == null) {
        continue;
      }
      Optional<Guard> both = all.and(g);
      if (both.isEmpty()) {
        return null;
      }
      all = both.get();
    }
    return all;
  }

  /** (a1 or a2 …) and (b1 or b2 …), as one list of alternatives; contradictory pairs drop out. */
  static List<Guard> both(List<Guard> a, List<Guard> b) {
    if (a.size() * b.size() > MAX_COMBINATIONS) {
      return a;
    }
    LinkedHashSet<Guard> out = new LinkedHashSet<>();
    for (Guard x : a) {
      for (Guard y : b) {
        x.and(y).ifPresent(out::add);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The alternatives under which none of {@code guards} holds: the assignments of their conditions
   * that satisfy none; [ALWAYS] when there are none, empty when one always holds (or when there are
   * too many conditions to enumerate, which reads as "one of them may hold").
   */
  static List<Guard> none(Collection<Guard> guards) {
    if (guards.isEmpty()) {
      return List.of(Guard.ALWAYS);
    }
    List<Guard> out = new ArrayList<>();
    for (Scenario s : Scenario.enumerate(guards)) {
      if (s.assignment().isEmpty()) {
        return List.of();
      }
      if (guards.stream().noneMatch(g -> g.holdsIn(s))) {
        out.add(s.asGuard());
      }
    }
    return out;
  }

  /** A reference's alternatives; none for a missing one. */
  static List<Guarded<Value>> variants(Value v) {
    return v == null ? List.of() : Values.variants(v);
  }

  /** The alternatives of each item of a guarded list, each under both guards. */
  static List<Guarded<Value>> items(List<Guarded<Value>> list) {
    List<Guarded<Value>> out = new ArrayList<>();
    for (Guarded<Value> item : list) {
      for (Guarded<Value> v : Values.variants(item.value())) {
        item.guard().and(v.guard()).ifPresent(g -> out.add(new Guarded<>(g, v.value())));
      }
    }
    return out;
  }
}
