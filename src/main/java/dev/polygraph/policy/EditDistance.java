package dev.polygraph.policy;

import java.util.Locale;

/** Levenshtein distance ignoring case, for did-you-mean suggestions. */
final class EditDistance {

  private EditDistance() {}

  /** The fewest single-character insertions, deletions and substitutions from {@code a} to {@code b}. */
  static int between(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }

  /** Whether {@code distance} is small enough, for a name of {@code length}, to be a slip. */
  static boolean isSlip(int distance, int length) {
    return distance > 0 && distance <= Math.max(2, length / 3);
  }
}
