package dev.polygraph.tree;

import dev.polygraph.source.Span;

/**
 * A scalar as written. Types are decided by whoever reads it (CloudFormation treats almost every
 * scalar as a string), so {@code Version: 2012-10-17} stays the text "2012-10-17".
 *
 * @param text the scalar's value after unescaping, as a string; {@code null} for JSON/YAML null
 * @param quoted whether it was written as a quoted string (JSON strings, YAML quoted scalars)
 */
public record ScalarNode(Span span, String text, boolean quoted) implements Node {

  public boolean isNull() {
    return text == null;
  }
}
