package dev.polygraph.rules;

import dev.polygraph.value.Guard;
import dev.polygraph.value.Scenario;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Says in words under which conditions something happens, naming only the conditions that matter. */
final class Conditions {

  private Conditions() {}

  /** The scenarios in play: every assignment of the guards' conditions, or {@link Scenario#ANY}. */
  static List<Scenario> scenarios(Collection<Guard> guards) {
    return Scenario.enumerate(guards);
  }

  /**
   * Null when {@code failing} is every scenario in {@code all}; otherwise "'UseEcr' is false" (or
   * alternatives joined with " or "). A condition matters when flipping it alone turns a failing
   * scenario into a passing one.
   */
  static String when(List<Scenario> failing, List<Scenario> all) {
    if (failing.size() == all.size()) {
      return null;
    }
    Set<Map<String, Boolean>> failingSet = new java.util.HashSet<>();
    Set<Map<String, Boolean>> allSet = new java.util.HashSet<>();
    failing.forEach(s -> failingSet.add(s.assignment()));
    all.forEach(s -> allSet.add(s.assignment()));
    Set<String> relevant = new LinkedHashSet<>();
    for (Scenario s : failing) {
      for (String name : s.assignment().keySet()) {
        Map<String, Boolean> flipped = new HashMap<>(s.assignment());
        flipped.put(name, !flipped.get(name));
        if (allSet.contains(flipped) && !failingSet.contains(flipped)) {
          relevant.add(name);
        }
      }
    }
    Set<String> alternatives = new LinkedHashSet<>();
    for (Scenario s : failing) {
      TreeMap<String, Boolean> projected = new TreeMap<>();
      for (String name : relevant) {
        projected.put(name, s.assignment().get(name));
      }
      alternatives.add(new Guard(projected.isEmpty() ? s.assignment() : projected).describe());
    }
    return String.join(" or ", new ArrayList<>(alternatives));
  }

  /** " when 'X' is false" or "" when it always happens. */
  static String suffix(String when) {
    return when == null ? "" : " when " + when;
  }
}
