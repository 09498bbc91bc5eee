package dev.polygraph.value;

import dev.polygraph.source.Span;

/**
 * An evaluated expression, format-neutral: what a CloudFormation intrinsic or a Terraform expression
 * comes to. It is known ({@link Text}, {@link ListValue}, {@link MapValue}), one of several
 * ({@link OneOf}, each branch under the condition that selects it), unknown with a reason
 * ({@link Unknown}), or absent ({@link Absent}, e.g. {@code AWS::NoValue}). Every value keeps the
 * span of the expression it came from, so findings can point at it.
 */
public sealed interface Value permits Text, ListValue, MapValue, OneOf, Unknown, Absent {
  Span span();
}
