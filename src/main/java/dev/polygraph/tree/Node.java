package dev.polygraph.tree;

import dev.polygraph.source.Span;

/**
 * A located JSON/YAML document tree: what the loaders make of a file before anything is evaluated.
 * Every node knows the span it was written at. YAML short-form tags ({@code !Ref x}) are already
 * rewritten by the loader into their long form ({@code {"Ref": x}}), spanning the tagged node.
 */
public sealed interface Node permits MapNode, SeqNode, ScalarNode {
  Span span();
}
