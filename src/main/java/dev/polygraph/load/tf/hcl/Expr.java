package dev.polygraph.load.tf.hcl;

import dev.polygraph.source.Span;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HCL expression as written, with where it stands. Parentheses leave no node: the tree's shape
 * carries the grouping. Strip markers and heredoc indentation are already applied to template text.
 */
public sealed interface Expr {

  Span span();

  /** A number literal, exactly as written ({@code 1e3} is 1000). */
  record NumberLit(BigDecimal value, Span span) implements Expr {
    public NumberLit {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code true} or {@code false}. */
  record BoolLit(boolean value, Span span) implements Expr {
    public BoolLit {
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code null}. */
  record NullLit(Span span) implements Expr {
    public NullLit {
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * A quoted string or heredoc without interpolations or directives, escapes resolved.
   *
   * @param dedent how many indentation characters a {@code <<-} heredoc's lines lost (0 otherwise),
   *     so positions inside the text can be mapped back to source columns
   */
  record StringLit(String value, Span span, int dedent) implements Expr {
    public StringLit {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(span, "span");
    }

    public StringLit(String value, Span span) {
      this(value, span, 0);
    }
  }

  /** A quoted string or heredoc with at least one interpolation or directive. */
  record Template(List<TemplatePart> parts, Span span, int dedent) implements Expr {
    public Template {
      parts = List.copyOf(parts);
      Objects.requireNonNull(span, "span");
    }

    public Template(List<TemplatePart> parts, Span span) {
      this(parts, span, 0);
    }
  }

  /** A bare name at the root of a reference, e.g. {@code var} in {@code var.x}. */
  record Variable(String name, Span span) implements Expr {
    public Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code source.name}. */
  record GetAttr(Expr source, String name, Span span) implements Expr {
    public GetAttr {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code source[key]}, and the legacy {@code source.0}. */
  record Index(Expr source, Expr key, Span span) implements Expr {
    public Index {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code source.*.a} or {@code source[*].a[0]}: {@code each} is evaluated once per element of
   * {@code source}, with {@link SplatItem} standing for the element.
   */
  record Splat(Expr source, Expr each, Span span) implements Expr {
    public Splat {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(each, "each");
      Objects.requireNonNull(span, "span");
    }
  }

  /** The current element inside a {@link Splat}'s {@code each}; its span is the splat operator. */
  record SplatItem(Span span) implements Expr {
    public SplatItem {
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code name(args)}; provider functions keep their full name ({@code provider::aws::arn_parse}).
   *
   * @param expandFinal whether the last argument ends with {@code ...}
   */
  record FunctionCall(String name, List<Expr> args, boolean expandFinal, Span span) implements Expr {
    public FunctionCall {
      Objects.requireNonNull(name, "name");
      args = List.copyOf(args);
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code [a, b]}. */
  record TupleCons(List<Expr> items, Span span) implements Expr {
    public TupleCons {
      items = List.copyOf(items);
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code {k = v, ...}}. A bare name as key is the {@link StringLit} of that name; any other key,
   * such as {@code (var.k)} or {@code "${x}"}, is an expression to evaluate.
   */
  record ObjectCons(List<ObjectItem> items, Span span) implements Expr {
    public ObjectCons {
      items = List.copyOf(items);
      Objects.requireNonNull(span, "span");
    }
  }

  /** One {@code key = value} (or {@code key: value}) of an object. */
  record ObjectItem(Expr key, Expr value) {
    public ObjectItem {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code !x} or {@code -x}. */
  record Unary(Operator operator, Expr operand, Span span) implements Expr {
    public Unary {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(operand, "operand");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code left op right}. */
  record Binary(Operator operator, Expr left, Expr right, Span span) implements Expr {
    public Binary {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
      Objects.requireNonNull(span, "span");
    }
  }

  /** {@code condition ? whenTrue : whenFalse}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Span span) implements Expr {
    public Conditional {
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(whenTrue, "whenTrue");
      Objects.requireNonNull(whenFalse, "whenFalse");
      Objects.requireNonNull(span, "span");
    }
  }

  /**
   * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}.
   *
   * @param keyVar the first of two iteration names, empty with one name
   * @param key empty for the tuple form
   * @param grouping whether the object form ends with {@code ...}
   */
  record ForExpr(
      Optional<String> keyVar,
      String valueVar,
      Expr collection,
      Optional<Expr> key,
      Expr value,
      Optional<Expr> condition,
      boolean grouping,
      Span span)
      implements Expr {
    public ForExpr {
      Objects.requireNonNull(keyVar, "keyVar");
      Objects.requireNonNull(valueVar, "valueVar");
      Objects.requireNonNull(collection, "collection");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(span, "span");
    }

    public boolean isObject() {
      return key.isPresent();
    }
  }
}
