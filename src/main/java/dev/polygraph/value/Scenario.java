package dev.polygraph.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One assignment of truth values to the conditions in play. Rules evaluate a role once per scenario
 * so that "the ECR policy is attached only when 'UseEcr' is true" is caught.
 */
public record Scenario(Map<String, Boolean> assignment) {

  public static final Scenario ANY = new Scenario(Map.of());

  /** Past this many conditions the scenarios are not enumerated; each is taken as unconstrained. */
  public static final int MAX_CONDITIONS = 8;

  public Scenario {
    assignment = java.util.Collections.unmodifiableMap(new TreeMap<>(assignment));
  }

  /** Every assignment of the conditions that the guards mention; {@link #ANY} when none do. */
  public static List<Scenario> enumerate(Collection<Guard> guards) {
    TreeSet<String> names = new TreeSet<>();
    guards.forEach(g -> names.addAll(g.terms().keySet()));
    if (names.isEmpty() || names.size() > MAX_CONDITIONS) {
      return List.of(ANY);
    }
    List<String> ordered = new ArrayList<>(names);
    List<Scenario> out = new ArrayList<>();
    for (int bits = 0; bits < (1 << ordered.size()); bits++) {
      TreeMap<String, Boolean> a = new TreeMap<>();
      for (int i = 0; i < ordered.size(); i++) {
        // Start from all-true so the first scenario is the "everything enabled" one.
        a.put(ordered.get(i), (bits & (1 << i)) == 0);
      }
      out.add(new Scenario(a));
    }
    return out;
  }

  public Guard asGuard() {
    return new Guard(assignment);
  }
}
