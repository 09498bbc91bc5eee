package dev.polygraph.load.tf.hcl;

import dev.polygraph.source.Span;
import java.util.Objects;

/**
 * {@code name = value} in a body.
 *
 * @param nameSpan where the name stands
 * @param span from the name to the end of the value
 */
public record Attribute(String name, Span nameSpan, Expr value, Span span) {

  public Attribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nameSpan, "nameSpan");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(span, "span");
  }
}
