package dev.polygraph.load.tf.eval;

import dev.polygraph.value.Value;

/**
 * What a {@link TfScope} makes of a reference: a value, having used the first {@code consumed}
 * steps; the evaluator applies the remaining steps to it.
 */
public record TfResolved(Value value, int consumed) {}
