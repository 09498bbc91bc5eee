package dev.polygraph.value;

import dev.polygraph.source.Span;

/** No value at all ({@code AWS::NoValue}, Terraform {@code null}): the property is as if unset. */
public record Absent(Span span) implements Value {}
