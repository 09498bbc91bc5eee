package dev.polygraph.policy;

/**
 * IAM's glob: {@code *} stands for any run of characters (also empty), {@code ?} for exactly one.
 * Actions compare case-insensitively, resources case-sensitively.
 *
 * <p>IAM lets a {@code *} that is not last in an ARN segment stop at the segment's colon; this
 * matcher lets every {@code *} run over colons. That only ever matches more, and policies that rely
 * on the difference are rare.
 */
public final class WildcardMatcher {

  private WildcardMatcher() {}

  /** Whether {@code value} (taken literally) matches {@code pattern}. Linear in practice, no regex. */
  public static boolean matches(String pattern, String value, boolean ignoreCase) {
    return greedy(pattern, value, ignoreCase, false);
  }

  /**
   * Whether every string that {@code subject} stands for (its own {@code *} and {@code ?} being
   * wildcards too) matches {@code pattern}: {@code arn:aws:ec2:*:*:network-interface/*} covers
   * itself and is covered by {@code *}, but not by {@code arn:aws:ec2:us-east-1:*:*}. Exact for
   * subjects without wildcards; it may say no to a few exotic coverings (never yes wrongly).
   */
  public static boolean covers(String pattern, String subject, boolean ignoreCase) {
    return greedy(pattern, subject, ignoreCase, true);
  }

  /**
   * The two-pointer match: advance both on a character match, remember the last {@code *} of the
   * pattern, and on a mismatch let that star swallow one more character. Only the last star is ever
   * revisited, which is enough for glob patterns and keeps the work to O(pattern × value) at worst.
   * With {@code symbolicSubject}, a wildcard in the subject is matched only by a pattern's star (or
   * a {@code ?} by a {@code ?}).
   */
  private static boolean greedy(String pattern, String subject, boolean ignoreCase, boolean symbolicSubject) {
    int p = 0;
    int s = 0;
    int star = -1;
    int mark = 0;
    int pn = pattern.length();
    int sn = subject.length();
    while (s < sn) {
      char pc = p < pn ? pattern.charAt(p) : 0;
      if (p < pn && pc != '*' && single(pc, subject.charAt(s), ignoreCase, symbolicSubject)) {
        p++;
        s++;
      } else if (p < pn && pc == '*') {
        star = p++;
        mark = s;
      } else if (star >= 0) {
        p = star + 1;
        s = ++mark;
      } else {
        return false;
      }
    }
    while (p < pn && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pn;
  }

  private static boolean single(char pc, char sc, boolean ignoreCase, boolean symbolicSubject) {
    if (symbolicSubject && sc == '*') {
      return false;
    }
    if (pc == '?') {
      return true;
    }
    if (symbolicSubject && sc == '?') {
      return false;
    }
    return pc == sc || (ignoreCase && fold(pc) == fold(sc));
  }

  /**
   * Whether some string matches both globs (wildcards on both sides): {@code arn:aws:s3:::a*} and
   * {@code arn:aws:s3:::*b} overlap. A walk over pairs of positions, so O(a × b) time and space;
   * IAM patterns are short (the caller bounds them).
   */
  public static boolean overlaps(String a, String b, boolean ignoreCase) {
    int an = a.length();
    int bn = b.length();
    boolean[][] seen = new boolean[an + 1][bn + 1];
    java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
    todo.add(new int[] {0, 0});
    seen[0][0] = true;
    while (!todo.isEmpty()) {
      int[] at = todo.poll();
      int i = at[0];
      int j = at[1];
      if (i == an && j == bn) {
        return true;
      }
      char ac = i < an ? a.charAt(i) : 0;
      char bc = j < bn ? b.charAt(j) : 0;
      if (i < an && ac == '*') {
        visit(seen, todo, i + 1, j); // the star stands for nothing more
        if (j < bn) {
          visit(seen, todo, i, j + 1); // the star swallows b's next character (or b's own star)
        }
      }
      if (j < bn && bc == '*') {
        visit(seen, todo, i, j + 1);
        if (i < an) {
          visit(seen, todo, i + 1, j);
        }
      }
      if (i < an && j < bn && ac != '*' && bc != '*'
          && (ac == '?' || bc == '?' || ac == bc || (ignoreCase && fold(ac) == fold(bc)))) {
        visit(seen, todo, i + 1, j + 1);
      }
    }
    return false;
  }

  private static void visit(boolean[][] seen, java.util.ArrayDeque<int[]> todo, int i, int j) {
    if (!seen[i][j]) {
      seen[i][j] = true;
      todo.add(new int[] {i, j});
    }
  }

  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }
}
