package dev.polygraph.load.tf.hcl;

import java.util.List;
import java.util.stream.Collectors;

/** Renders an expression as a compact S-expression, so tests can assert a whole tree in one line. */
final class AstPrinter {

  private AstPrinter() {}

  static String print(Expr e) {
    if (e instanceof Expr.NumberLit n) {
      return n.value().stripTrailingZeros().toPlainString();
    }
    if (e instanceof Expr.BoolLit b) {
      return String.valueOf(b.value());
    }
    if (e instanceof Expr.NullLit) {
      return "null";
    }
    if (e instanceof Expr.StringLit s) {
      return quote(s.value());
    }
    if (e instanceof Expr.Template t) {
      return "(template " + parts(t.parts()) + ")";
    }
    if (e instanceof Expr.Variable v) {
      return v.name();
    }
    if (e instanceof Expr.GetAttr g) {
      return "(. " + print(g.source()) + " " + g.name() + ")";
    }
    if (e instanceof Expr.Index i) {
      return "([] " + print(i.source()) + " " + print(i.key()) + ")";
    }
    if (e instanceof Expr.Splat s) {
      return "(splat " + print(s.source()) + " " + print(s.each()) + ")";
    }
    if (e instanceof Expr.SplatItem) {
      return "*";
    }
    if (e instanceof Expr.FunctionCall c) {
      return "(call " + c.name() + all(c.args()) + (c.expandFinal() ? " ..." : "") + ")";
    }
    if (e instanceof Expr.TupleCons t) {
      return "[" + t.items().stream().map(AstPrinter::print).collect(Collectors.joining(" ")) + "]";
    }
    if (e instanceof Expr.ObjectCons o) {
      return "{" + o.items().stream().map(i -> print(i.key()) + "=" + print(i.value()))
          .collect(Collectors.joining(" ")) + "}";
    }
    if (e instanceof Expr.Unary u) {
      return "(" + (u.operator() == Operator.NEGATE ? "neg" : "!") + " " + print(u.operand()) + ")";
    }
    if (e instanceof Expr.Binary b) {
      return "(" + b.operator().symbol() + " " + print(b.left()) + " " + print(b.right()) + ")";
    }
    if (e instanceof Expr.Conditional c) {
      return "(? " + print(c.condition()) + " " + print(c.whenTrue()) + " " + print(c.whenFalse()) + ")";
    }
    Expr.ForExpr f = (Expr.ForExpr) e;
    return "(for " + f.keyVar().map(k -> k + " ").orElse("") + f.valueVar() + " in " + print(f.collection())
        + " : " + f.key().map(k -> print(k) + " => ").orElse("") + print(f.value())
        + (f.grouping() ? " ..." : "") + f.condition().map(c -> " if " + print(c)).orElse("") + ")";
  }

  private static String all(List<Expr> exprs) {
    return exprs.stream().map(x -> " " + print(x)).collect(Collectors.joining());
  }

  static String parts(List<TemplatePart> parts) {
    return parts.stream().map(AstPrinter::part).collect(Collectors.joining(" "));
  }

  private static String part(TemplatePart p) {
    if (p instanceof TemplatePart.Text t) {
      return quote(t.text());
    }
    if (p instanceof TemplatePart.Interpolation i) {
      return "${" + print(i.expr()) + "}";
    }
    if (p instanceof TemplatePart.If i) {
      return "(%if " + print(i.condition()) + " (" + parts(i.then()) + ") (" + parts(i.otherwise()) + "))";
    }
    TemplatePart.For f = (TemplatePart.For) p;
    return "(%for " + f.keyVar().map(k -> k + " ").orElse("") + f.valueVar() + " in "
        + print(f.collection()) + " (" + parts(f.body()) + "))";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t")
        .replace("\r", "\\r") + "\"";
  }
}
