package dev.polygraph.load.tf.hcl;

import dev.polygraph.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The attributes and blocks of a file or of a block, each list in source order.
 *
 * @param span the whole file, or the block's braces
 */
public record Body(List<Attribute> attributes, List<Block> blocks, Span span) {

  public Body {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
    Objects.requireNonNull(span, "span");
  }

  /** The attribute of that name; HCL allows each name once per body. */
  public Optional<Attribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The blocks of that type, in source order. */
  public List<Block> blocks(String type) {
    return blocks.stream().filter(b -> b.type().equals(type)).toList();
  }
}
