package dev.polygraph.finding;

import java.util.Locale;

/** SARIF's levels, ordered from most to least severe. {@code NONE} only for {@code --fail-on none}. */
public enum Level {
  ERROR,
  WARNING,
  NOTE,
  NONE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Level parse(String s) {
    return Level.valueOf(s.trim().toUpperCase(Locale.ROOT));
  }

  /** Whether a finding at this level counts when the threshold is {@code threshold}. */
  public boolean atLeast(Level threshold) {
    return threshold != NONE && this != NONE && ordinal() <= threshold.ordinal();
  }

  /** The less severe of the two. */
  public Level atMost(Level cap) {
    return ordinal() >= cap.ordinal() ? this : cap;
  }
}
