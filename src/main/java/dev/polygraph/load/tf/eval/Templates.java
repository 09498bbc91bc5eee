package dev.polygraph.load.tf.eval;

import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.load.tf.hcl.ExprText;
import dev.polygraph.load.tf.hcl.TemplatePart;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * String templates: the parts concatenate into one text, an unknown interpolation becoming an
 * opaque symbol named after its expression, a OneOf giving one text per branch.
 */
final class Templates {

  private final TfEvaluator evaluator;

  Templates(TfEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** The text the parts make, or a OneOf of texts, or Unknown when a part cannot be a string. */
  Value evaluate(List<TemplatePart> parts, Span span) {
    List<Guarded<List<Text.Part>>> acc = new ArrayList<>();
    acc.add(Guarded.always(List.of()));
    Value failed = append(evaluator, parts, acc, span);
    if (failed != null) {
      return failed;
    }
    List<Guarded<Value>> texts = new ArrayList<>();
    for (Guarded<List<Text.Part>> g : acc) {
      texts.add(new Guarded<>(g.guard(), new Text(g.value(), span)));
    }
    return evaluator.ops().oneOf(texts, span);
  }

  /** Appends the parts to every variant; a value that ends the template early, else null. */
  private Value append(
      TfEvaluator e, List<TemplatePart> parts, List<Guarded<List<Text.Part>>> acc, Span span) {
    for (TemplatePart part : parts) {
      Value failed = appendPart(e, part, acc, span);
      if (failed != null) {
        return failed;
      }
    }
    return null;
  }

  private Value appendPart(
      TfEvaluator e, TemplatePart part, List<Guarded<List<Text.Part>>> acc, Span span) {
    if (part instanceof TemplatePart.Text t) {
      return extend(acc, List.of(Guarded.always(List.of(new Text.Literal(t.text())))), span);
    }
    if (part instanceof TemplatePart.Interpolation i) {
      Value v = e.evaluate(i.expr());
      List<Guarded<List<Text.Part>>> alts = new ArrayList<>();
      Value failed = pieces(v, Guard.ALWAYS, i.expr(), alts, span);
      return failed != null ? failed : extend(acc, alts, span);
    }
    if (part instanceof TemplatePart.If f) {
      Value condition = e.evaluate(f.condition());
      List<Guarded<Boolean>> choices = new ArrayList<>();
      Value failed = choices(condition, Guard.ALWAYS, f.condition(), choices, span);
      if (failed != null) {
        return failed;
      }
      List<Guarded<List<Text.Part>>> next = new ArrayList<>();
      for (Guarded<Boolean> choice : choices) {
        List<Guarded<List<Text.Part>>> branch = new ArrayList<>();
        for (Guarded<List<Text.Part>> prefix : acc) {
          prefix.guard().and(choice.guard()).ifPresent(g -> branch.add(new Guarded<>(g, prefix.value())));
        }
        Value bad = append(e, choice.value() ? f.then() : f.otherwise(), branch, span);
        if (bad != null) {
          return bad;
        }
        next.addAll(branch);
      }
      acc.clear();
      acc.addAll(next);
      return acc.size() > Values.MAX_VARIANTS ? tooMany(span) : null;
    }
    TemplatePart.For f = (TemplatePart.For) part;
    Value collection = e.evaluate(f.collection());
    if (collection instanceof Unknown u) {
      return evaluator.ops().moved(u, span);
    }
    if (collection instanceof OneOf) {
      return new Unknown("the collection of %{for} in a template depends on conditions", span);
    }
    Unknown more = evaluator.ops().moreOf(collection);
    if (more != null) {
      return new Unknown("the collection of %{for} in a template is only partly known: " + more.reason(), span);
    }
    Optional<List<Map.Entry<Value, Value>>> elements = e.iteration(collection);
    if (elements.isEmpty()) {
      return evaluator.ops().error("cannot iterate over " + ExprText.of(f.collection()) + ": it is "
          + ValueOps.typeName(collection), span);
    }
    for (Map.Entry<Value, Value> element : elements.get()) {
      Value bad = append(e.iterating(f.keyVar(), f.valueVar(), element), f.body(), acc, span);
      if (bad != null) {
        return bad;
      }
    }
    return null;
  }

  private Value choices(Value condition, Guard guard, Expr expr, List<Guarded<Boolean>> out, Span span) {
    if (condition instanceof OneOf one) {
      for (Guarded<Value> b : one.branches()) {
        Optional<Guard> g = guard.and(b.guard());
        if (g.isPresent()) {
          Value bad = choices(b.value(), g.get(), expr, out, span);
          if (bad != null) {
            return bad;
          }
        }
      }
      return null;
    }
    if (condition instanceof Unknown u) {
      if (evaluator.ops().isError(u)) {
        return evaluator.ops().moved(u, span);
      }
      String name = evaluator.scope().guardPrefix() + ExprText.of(expr);
      guard.and(Guard.of(name, true)).ifPresent(g -> out.add(new Guarded<>(g, true)));
      guard.and(Guard.of(name, false)).ifPresent(g -> out.add(new Guarded<>(g, false)));
      return null;
    }
    Boolean b = ValueOps.asBool(condition);
    if (b == null) {
      return evaluator.ops().error("the condition " + ExprText.of(expr) + " is "
          + ValueOps.typeName(condition) + ", not a bool", span);
    }
    out.add(new Guarded<>(guard, b));
    return null;
  }

  /** The text pieces one interpolated value stands for, per branch; a value that fails, else null. */
  private Value pieces(Value v, Guard guard, Expr expr, List<Guarded<List<Text.Part>>> out, Span span) {
    if (v instanceof OneOf one) {
      for (Guarded<Value> b : one.branches()) {
        Optional<Guard> g = guard.and(b.guard());
        if (g.isPresent()) {
          Value bad = pieces(b.value(), g.get(), expr, out, span);
          if (bad != null) {
            return bad;
          }
        }
      }
      return null;
    }
    if (v instanceof Text t) {
      out.add(new Guarded<>(guard, t.parts()));
      return null;
    }
    if (v instanceof Unknown u) {
      if (evaluator.ops().isError(u)) {
        return evaluator.ops().moved(u, span);
      }
      out.add(new Guarded<>(guard, List.of(new Text.Sym(new Symbol.Opaque(ExprText.of(expr), u.reason())))));
      return null;
    }
    if (v instanceof Absent) {
      return evaluator.ops().error("cannot include " + ExprText.of(expr) + " in a string: it is null", span);
    }
    return evaluator.ops().error(
        "cannot include " + ExprText.of(expr) + " in a string: it is " + ValueOps.typeName(v), span);
  }

  private Value extend(List<Guarded<List<Text.Part>>> acc, List<Guarded<List<Text.Part>>> alts, Span span) {
    List<Guarded<List<Text.Part>>> next = new ArrayList<>();
    for (Guarded<List<Text.Part>> prefix : acc) {
      for (Guarded<List<Text.Part>> alt : alts) {
        Optional<Guard> g = prefix.guard().and(alt.guard());
        if (g.isPresent()) {
          List<Text.Part> joined = new ArrayList<>(prefix.value());
          joined.addAll(alt.value());
          next.add(new Guarded<>(g.get(), joined));
        }
      }
    }
    if (next.size() > Values.MAX_VARIANTS) {
      return tooMany(span);
    }
    acc.clear();
    acc.addAll(next);
    return null;
  }

  private Value tooMany(Span span) {
    return evaluator.ops().error("the template has more than " + Values.MAX_VARIANTS
        + " combinations of conditions", span);
  }
}
