package dev.polygraph.load.tf.hcl;

import dev.polygraph.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What the suppress stage needs of a parsed HCL file, in format-neutral spans: its blocks and
 * attributes (a comment above one covers all of it) and its strings and heredocs (a "#" or "//"
 * there is text, not a comment).
 *
 * @param blocks every block and attribute, nested ones included
 * @param text every string literal and template, heredocs included
 */
public record HclLayout(List<Span> blocks, List<Span> text) {

  public HclLayout {
    blocks = List.copyOf(blocks);
    text = List.copyOf(text);
  }

  public static HclLayout of(Body body) {
    List<Span> blocks = new ArrayList<>();
    List<Span> text = new ArrayList<>();
    body(body, blocks, text);
    return new HclLayout(blocks, text);
  }

  private static void body(Body body, List<Span> blocks, List<Span> text) {
    for (Attribute a : body.attributes()) {
      blocks.add(a.span());
      expr(a.value(), text);
    }
    for (Block b : body.blocks()) {
      blocks.add(b.span());
      for (Block.Label label : b.labels()) {
        text.add(label.span());
      }
      body(b.body(), blocks, text);
    }
  }

  private static void expr(Expr e, List<Span> text) {
    if (e == null) {
      return;
    }
    // A template's interpolations are inside its span: HCL has no comments there either.
    if (e instanceof Expr.StringLit || e instanceof Expr.Template) {
      text.add(e.span());
    } else if (e instanceof Expr.GetAttr g) {
      expr(g.source(), text);
    } else if (e instanceof Expr.Index i) {
      expr(i.source(), text);
      expr(i.key(), text);
    } else if (e instanceof Expr.Splat s) {
      expr(s.source(), text);
      expr(s.each(), text);
    } else if (e instanceof Expr.FunctionCall f) {
      f.args().forEach(a -> expr(a, text));
    } else if (e instanceof Expr.TupleCons t) {
      t.items().forEach(i -> expr(i, text));
    } else if (e instanceof Expr.ObjectCons o) {
      for (Expr.ObjectItem item : o.items()) {
        expr(item.key(), text);
        expr(item.value(), text);
      }
    } else if (e instanceof Expr.Unary u) {
      expr(u.operand(), text);
    } else if (e instanceof Expr.Binary b) {
      expr(b.left(), text);
      expr(b.right(), text);
    } else if (e instanceof Expr.Conditional c) {
      expr(c.condition(), text);
      expr(c.whenTrue(), text);
      expr(c.whenFalse(), text);
    } else if (e instanceof Expr.ForExpr f) {
      expr(f.collection(), text);
      f.key().ifPresent(k -> expr(k, text));
      expr(f.value(), text);
      f.condition().ifPresent(c -> expr(c, text));
    }
  }
}
