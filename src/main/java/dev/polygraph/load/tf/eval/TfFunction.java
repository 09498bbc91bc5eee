package dev.polygraph.load.tf.eval;

import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.value.Value;

/**
 * One of Terraform's built-in functions as polygraph knows it: its name, the number of arguments it
 * takes, how its arguments reach it, and what it computes.
 *
 * @param max the most arguments it takes; {@link #VARIADIC} for any number from {@code min} on
 * @param body what it computes from evaluated arguments (null for {@link Kind#EXPRESSIONS})
 * @param onExpressions what it computes from the call (only for {@link Kind#EXPRESSIONS})
 */
record TfFunction(String name, int min, int max, Kind kind, Body body, OnExpressions onExpressions) {

  static final int VARIADIC = Integer.MAX_VALUE;

  /** How a call's arguments reach the function. */
  enum Kind {
    /** Evaluated; a OneOf argument distributes the call, an unknown one makes the result unknown. */
    VALUES,
    /**
     * Evaluated; a OneOf argument distributes the call, unknowns reach the function, which keeps
     * what is known of them (the known elements of a partly known list, the known parts of a string).
     */
    PARTIAL,
    /** Not evaluated first: the function looks at the expressions ({@code try}, {@code can}). */
    EXPRESSIONS,
    /** Depends on time, randomness or hashing: polygraph does not compute it. */
    NOT_COMPUTED
  }

  /** What the function computes from its evaluated arguments. */
  interface Body {
    Value apply(Args args);
  }

  /** What a function of kind {@link Kind#EXPRESSIONS} computes from the call itself. */
  interface OnExpressions {
    Value apply(TfEvaluator evaluator, Expr.FunctionCall call);
  }

  boolean accepts(int count) {
    return count >= min && count <= max;
  }

  /** "takes 1 argument", "takes at least 2 arguments", "takes 2 or 3 arguments". */
  String arity() {
    String n = min == 1 && max == 1 ? "1 argument" : min + " arguments";
    if (min == max) {
      return "takes " + n;
    }
    if (max == VARIADIC) {
      return "takes at least " + min + " argument" + (min == 1 ? "" : "s");
    }
    return max == min + 1 ? "takes " + min + " or " + max + " arguments" : "takes " + min + " to " + max + " arguments";
  }
}
