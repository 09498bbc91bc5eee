package dev.polygraph.load.tf;

import dev.polygraph.value.Value;

/** CONTRACT SKELETON (tf-base branch only): implemented by the evaluator helper. */
public final class TfEvaluator {

  public TfEvaluator(TfScope scope, TfJson json) {
    throw new UnsupportedOperationException("evaluator not merged yet");
  }

  /** The expression's value. Never throws on any input; what cannot be known is Unknown with a reason. */
  public Value evaluate(Expr expr) {
    throw new UnsupportedOperationException("evaluator not merged yet");
  }

  /** This evaluator with one more bound name (each, count, a dynamic block's iterator). */
  public TfEvaluator bind(String name, Value value) {
    throw new UnsupportedOperationException("evaluator not merged yet");
  }

  public TfScope scope() {
    throw new UnsupportedOperationException("evaluator not merged yet");
  }

  public TfJson json() {
    throw new UnsupportedOperationException("evaluator not merged yet");
  }
}
