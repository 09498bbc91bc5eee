package dev.polygraph.load.tf.hcl;

import java.math.BigDecimal;
import java.util.List;

/**
 * An expression rendered canonically, the way guard names and opaque symbols show it: {@code
 * var.create_iam_role}, {@code local.ip_family == "ipv6"}. Spacing and parentheses are normalized so
 * that equal conditions written differently get the same name.
 */
public final class ExprText {

  /** Deeper than this the rendering is cut short; names stay readable and the stack bounded. */
  private static final int MAX_DEPTH = 64;

  private ExprText() {}

  public static String of(Expr expr) {
    StringBuilder out = new StringBuilder();
    render(expr, out, 0);
    return out.toString();
  }

  public static String number(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  private static void render(Expr expr, StringBuilder out, int depth) {
    if (depth > MAX_DEPTH) {
      out.append("…");
      return;
    }
    int d = depth + 1;
    if (expr instanceof Expr.NumberLit n) {
      out.append(number(n.value()));
    } else if (expr instanceof Expr.BoolLit b) {
      out.append(b.value());
    } else if (expr instanceof Expr.NullLit) {
      out.append("null");
    } else if (expr instanceof Expr.StringLit s) {
      out.append('"').append(escape(s.value())).append('"');
    } else if (expr instanceof Expr.Template t) {
      out.append('"');
      parts(t.parts(), out, d);
      out.append('"');
    } else if (expr instanceof Expr.Variable v) {
      out.append(v.name());
    } else if (expr instanceof Expr.GetAttr g) {
      render(g.source(), out, d);
      out.append('.').append(g.name());
    } else if (expr instanceof Expr.Index i) {
      render(i.source(), out, d);
      out.append('[');
      render(i.key(), out, d);
      out.append(']');
    } else if (expr instanceof Expr.Splat s) {
      render(s.source(), out, d);
      render(s.each(), out, d);
    } else if (expr instanceof Expr.SplatItem) {
      out.append("[*]");
    } else if (expr instanceof Expr.FunctionCall f) {
      out.append(f.name()).append('(');
      list(f.args(), out, d);
      out.append(f.expandFinal() ? "...)" : ")");
    } else if (expr instanceof Expr.TupleCons t) {
      out.append('[');
      list(t.items(), out, d);
      out.append(']');
    } else if (expr instanceof Expr.ObjectCons o) {
      out.append('{');
      for (int k = 0; k < o.items().size(); k++) {
        out.append(k == 0 ? "" : ", ");
        Expr key = o.items().get(k).key();
        if (key instanceof Expr.StringLit || key instanceof Expr.Template) {
          render(key, out, d);
        } else {
          out.append('(');
          render(key, out, d);
          out.append(')');
        }
        out.append(" = ");
        render(o.items().get(k).value(), out, d);
      }
      out.append('}');
    } else if (expr instanceof Expr.Unary u) {
      out.append(u.operator().symbol());
      operand(u.operand(), precedence(expr), false, out, d);
    } else if (expr instanceof Expr.Binary b) {
      int p = precedence(expr);
      operand(b.left(), p, false, out, d);
      out.append(' ').append(b.operator().symbol()).append(' ');
      operand(b.right(), p, true, out, d);
    } else if (expr instanceof Expr.Conditional c) {
      operand(c.condition(), 1, true, out, d);
      out.append(" ? ");
      operand(c.whenTrue(), 1, true, out, d);
      out.append(" : ");
      render(c.whenFalse(), out, d);
    } else if (expr instanceof Expr.ForExpr f) {
      out.append(f.isObject() ? "{for " : "[for ");
      f.keyVar().ifPresent(k -> out.append(k).append(", "));
      out.append(f.valueVar()).append(" in ");
      render(f.collection(), out, d);
      out.append(" : ");
      if (f.key().isPresent()) {
        render(f.key().get(), out, d);
        out.append(" => ");
      }
      render(f.value(), out, d);
      if (f.grouping()) {
        out.append("...");
      }
      if (f.condition().isPresent()) {
        out.append(" if ");
        render(f.condition().get(), out, d);
      }
      out.append(f.isObject() ? "}" : "]");
    }
  }

  private static void operand(Expr child, int parent, boolean right, StringBuilder out, int depth) {
    int own = precedence(child);
    boolean parens = right ? own <= parent : own < parent;
    if (child instanceof Expr.Unary || own == Integer.MAX_VALUE) {
      parens = own < parent;
    }
    out.append(parens ? "(" : "");
    render(child, out, depth);
    out.append(parens ? ")" : "");
  }

  private static int precedence(Expr expr) {
    if (expr instanceof Expr.Conditional) {
      return 0;
    }
    if (expr instanceof Expr.Unary) {
      return 7;
    }
    if (expr instanceof Expr.Binary b) {
      switch (b.operator()) {
        case OR:
          return 1;
        case AND:
          return 2;
        case EQUAL:
        case NOT_EQUAL:
          return 3;
        case LESS:
        case LESS_OR_EQUAL:
        case GREATER:
        case GREATER_OR_EQUAL:
          return 4;
        case ADD:
        case SUBTRACT:
          return 5;
        default:
          return 6;
      }
    }
    return Integer.MAX_VALUE;
  }

  private static void list(List<Expr> items, StringBuilder out, int depth) {
    for (int k = 0; k < items.size(); k++) {
      out.append(k == 0 ? "" : ", ");
      render(items.get(k), out, depth);
    }
  }

  private static void parts(List<TemplatePart> parts, StringBuilder out, int depth) {
    for (TemplatePart part : parts) {
      if (part instanceof TemplatePart.Text t) {
        out.append(escape(t.text()).replace("${", "$${").replace("%{", "%%{"));
      } else if (part instanceof TemplatePart.Interpolation i) {
        out.append("${");
        render(i.expr(), out, depth);
        out.append('}');
      } else if (part instanceof TemplatePart.If f) {
        out.append("%{if ");
        render(f.condition(), out, depth);
        out.append('}');
        parts(f.then(), out, depth);
        if (!f.otherwise().isEmpty()) {
          out.append("%{else}");
          parts(f.otherwise(), out, depth);
        }
        out.append("%{endif}");
      } else if (part instanceof TemplatePart.For f) {
        out.append("%{for ");
        f.keyVar().ifPresent(k -> out.append(k).append(", "));
        out.append(f.valueVar()).append(" in ");
        render(f.collection(), out, depth);
        out.append('}');
        parts(f.body(), out, depth);
        out.append("%{endfor}");
      }
    }
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
  }
}
