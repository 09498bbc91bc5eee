package dev.polygraph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs expected with observed findings, both ways: an expectation nothing matches is missing, a
 * finding no expectation claims is unexpected.
 */
record FixtureComparison(List<Expectation> missing, List<Observed> unexpected) {

  FixtureComparison {
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
  }

  static FixtureComparison of(List<Expectation> expected, List<Observed> observed) {
    List<Observed> left = new ArrayList<>(observed);
    List<Expectation> missing = new ArrayList<>();
    // Precise expectations claim their findings first, so a loose marker on the same line cannot
    // take the finding a precise one needs.
    List<Expectation> ordered = new ArrayList<>(expected);
    ordered.sort(Comparator.comparingInt(FixtureComparison::looseness));
    for (Expectation expectation : ordered) {
      int found = -1;
      for (int i = 0; i < left.size() && found < 0; i++) {
        if (expectation.matches(left.get(i))) {
          found = i;
        }
      }
      if (found < 0) {
        missing.add(expectation);
      } else {
        left.remove(found);
      }
    }
    missing.sort(Comparator.comparing(Expectation::file).thenComparingInt(Expectation::line));
    return new FixtureComparison(missing, left);
  }

  private static int looseness(Expectation e) {
    return (e.column() == 0 ? 1 : 0) + (e.fragment() == null ? 1 : 0);
  }

  boolean matches() {
    return missing.isEmpty() && unexpected.isEmpty();
  }

  /** A diff a person can act on: what was missing, what came unasked, and everything observed. */
  String describe(List<Observed> observed) {
    StringBuilder out = new StringBuilder();
    for (Expectation e : missing) {
      out.append("  missing:    ").append(e).append('\n');
    }
    for (Observed o : unexpected) {
      out.append("  unexpected: ").append(o).append('\n');
    }
    out.append("  all findings:\n");
    if (observed.isEmpty()) {
      out.append("    (none)\n");
    }
    for (Observed o : observed) {
      out.append("    ").append(o).append('\n');
    }
    return out.toString();
  }
}
