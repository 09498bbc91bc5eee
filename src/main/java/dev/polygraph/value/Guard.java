package dev.polygraph.value;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A conjunction of named conditions with their required truth values: {@code IsProd=true}. Names are
 * the source's own (CloudFormation condition names, Terraform expressions as written), so a finding
 * can say under which condition it happens.
 */
public record Guard(Map<String, Boolean> terms) {

  public static final Guard ALWAYS = new Guard(Map.of());

  public Guard {
    terms = java.util.Collections.unmodifiableMap(new TreeMap<>(terms));
  }

  public static Guard of(String condition, boolean value) {
    return new Guard(Map.of(condition, value));
  }

  /** Both guards at once, or empty when they contradict each other. */
  public Optional<Guard> and(Guard other) {
    TreeMap<String, Boolean> all = new TreeMap<>(terms);
    for (Map.Entry<String, Boolean> e : other.terms.entrySet()) {
      Boolean prev = all.putIfAbsent(e.getKey(), e.getValue());
      if (prev != null && prev != e.getValue()) {
        return Optional.empty();
      }
    }
    return Optional.of(new Guard(all));
  }

  public boolean isAlways() {
    return terms.isEmpty();
  }

  public boolean holdsIn(Scenario scenario) {
    for (Map.Entry<String, Boolean> e : terms.entrySet()) {
      Boolean v = scenario.assignment().get(e.getKey());
      if (v != null && v != e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** "IsProd is true and UseEcr is false". */
  public String describe() {
    return terms.entrySet().stream()
        .map(e -> "'" + e.getKey() + "' is " + e.getValue())
        .collect(Collectors.joining(" and "));
  }
}
