package dev.polygraph.load.tf.hcl;

import dev.polygraph.source.Span;
import java.util.List;
import java.util.Objects;

/**
 * {@code type "label" bare_label { body }}.
 *
 * @param span from the type to the closing brace
 */
public record Block(String type, List<Label> labels, Body body, Span span) {

  public Block {
    Objects.requireNonNull(type, "type");
    labels = List.copyOf(labels);
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(span, "span");
  }

  /** The labels' values, e.g. {@code [aws_iam_role, this]}. */
  public List<String> labelValues() {
    return labels.stream().map(Label::value).toList();
  }

  /**
   * One block label, quoted or bare.
   *
   * @param span the label including its quotes
   */
  public record Label(String value, Span span) {

    public Label {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }
  }
}
