package dev.polygraph.load.tf.hcl;

import dev.polygraph.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One piece of a {@link Expr.Template}. */
public sealed interface TemplatePart {

  Span span();

  /** Literal text, escapes resolved, strip markers and heredoc indentation applied. */
  record Text(String text, Span span) implements TemplatePart {
    public Text {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code ${expr}}. */
  record Interpolation(Expr expr, Span span) implements TemplatePart {
    public Interpolation {
      Objects.requireNonNull(expr, "expr");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code %{if cond}then%{else}otherwise%{endif}}; {@code otherwise} is empty without else. */
  record If(Expr condition, List<TemplatePart> then, List<TemplatePart> otherwise, Span span)
      implements TemplatePart {
    public If {
      Objects.requireNonNull(condition, "condition");
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code %{for k, v in coll}body%{endfor}}; {@code keyVar} is empty with one name. */
  record For(Optional<String> keyVar, String valueVar, Expr collection, List<TemplatePart> body, Span span)
      implements TemplatePart {
    public For {
      Objects.requireNonNull(keyVar, "keyVar");
      Objects.requireNonNull(valueVar, "valueVar");
      Objects.requireNonNull(collection, "collection");
      body = List.copyOf(body);
      Objects.requireNonNull(span, "span");
    }
  }
}
