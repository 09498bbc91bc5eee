package dev.polygraph.load.cfn;

/**
 * Bounds on one template's evaluation, so that hostile templates (deep nesting, long condition
 * chains, alias bombs) end in an unknown value instead of a stack overflow or a hang.
 */
final class EvaluationBudget {
  static final int MAX_DEPTH = 100;
  static final int MAX_STEPS = 2_000_000;

  private int depth;
  private int steps;

  /** Enters one level; returns why not when a bound is reached (then nothing is entered). */
  String enter() {
    if (depth >= MAX_DEPTH) {
      return "expressions nest more than " + MAX_DEPTH + " levels deep";
    }
    if (steps >= MAX_STEPS) {
      return "the template needs more than " + MAX_STEPS + " evaluation steps";
    }
    depth++;
    steps++;
    return null;
  }

  void exit() {
    depth--;
  }
}
