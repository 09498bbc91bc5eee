package dev.polygraph.policy;

import java.util.Locale;

/**
 * Edit distance ignoring case, with a swap of two neighbouring characters counted as one edit
 * (optimal string alignment), for did-you-mean suggestions.
 */
final class EditDistance {

  private EditDistance() {}

  /**
   * The fewest single-character insertions, deletions, substitutions and swaps of neighbours from
   * {@code a} to {@code b}.
   */
  static int between(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    int[] twoBack = new int[y.length() + 1];
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        int d = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
          d = Math.min(d, twoBack[j - 2] + 1);
        }
        current[j] = d;
      }
      int[] oldest = twoBack;
      twoBack = previous;
      previous = current;
      current = oldest;
    }
    return previous[y.length()];
  }

  /** Whether {@code distance} is small enough, for a name of {@code length}, to be a slip. */
  static boolean isSlip(int distance, int length) {
    // One edit in a short name ("Get" is no slip of "Act"), a third of a longer one.
    return distance > 0 && distance <= (length < 6 ? 1 : Math.max(2, length / 3));
  }
}
