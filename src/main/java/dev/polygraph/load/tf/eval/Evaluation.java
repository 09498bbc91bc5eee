package dev.polygraph.load.tf.eval;

import dev.polygraph.source.Span;
import dev.polygraph.value.Unknown;
import java.util.Set;

/**
 * What one top-level evaluation shares between the evaluators it binds names in: the step budget,
 * the nesting depth, and which unknowns are errors rather than values not known (so {@code try}
 * and {@code can} tell them apart without reading messages).
 */
final class Evaluation {

  /** Steps one top-level expression may take; a runaway for/splat product ends as Unknown. */
  static final int MAX_STEPS = 200_000;

  /** Nesting deeper than this ends as Unknown, long before the Java stack would run out. */
  static final int MAX_DEPTH = 500;

  private final Set<Unknown> errors;
  private final Set<Unknown> rests;
  private int steps;

  /**
   * @param errors the run's error unknowns, shared by every evaluator of the run so that a local
   *     evaluated by one instance is still an error where another instance uses it
   */
  Evaluation(Set<Unknown> errors, Set<Unknown> rests) {
    this.errors = errors;
    this.rests = rests;
  }

  private int depth;

  /** Enters one evaluation level; the reason to stop when a limit is passed, else null. */
  String enter() {
    if (depth == 0) {
      steps = 0;
    }
    depth++;
    if (depth > MAX_DEPTH) {
      return "expression is nested more than " + MAX_DEPTH + " levels deep";
    }
    if (++steps > MAX_STEPS) {
      return "expression takes more than " + MAX_STEPS + " evaluation steps";
    }
    return null;
  }

  void leave() {
    depth--;
  }

  Unknown error(String reason, Span span) {
    Unknown u = new Unknown(reason, span);
    errors.add(u);
    return u;
  }

  boolean isError(Unknown unknown) {
    return errors.contains(unknown);
  }

  /** The marker that ends a partly known list or map: "and maybe more elements", with why. */
  Unknown more(String reason, Span span) {
    Unknown u = new Unknown(reason, span);
    rests.add(u);
    return u;
  }

  boolean isMore(Unknown unknown) {
    return rests.contains(unknown);
  }

  /** The same reason at another span, keeping whether it is an error or a marker of more elements. */
  Unknown moved(Unknown unknown, Span span) {
    if (unknown.span().equals(span)) {
      return unknown;
    }
    if (isMore(unknown)) {
      return new Unknown(unknown.reason(), span);
    }
    return isError(unknown) ? error(unknown.reason(), span) : new Unknown(unknown.reason(), span);
  }
}
