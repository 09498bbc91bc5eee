package dev.polygraph.load.tf;

import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;

/** Terraform's built-in functions. */
final class TfFunctions {

  private final TfEvaluator evaluator;

  TfFunctions(TfEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  Value call(Expr.FunctionCall call) {
    return new Unknown("function '" + call.name() + "' is not supported by polygraph", call.span());
  }
}
