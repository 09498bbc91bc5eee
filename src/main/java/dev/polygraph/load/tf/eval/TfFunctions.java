package dev.polygraph.load.tf.eval;

import dev.polygraph.source.ReadRefused;
import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calls Terraform's built-in functions, as {@link Functions} lists them: checks the arity, evaluates
 * the arguments, distributes a OneOf argument over its branches and turns an unknown argument into
 * an unknown result (for the functions that take values; {@code try} and {@code can} look at the
 * expressions themselves).
 */
final class TfFunctions {

  private final TfEvaluator evaluator;
  private final ValueOps ops;

  TfFunctions(TfEvaluator evaluator) {
    this.evaluator = evaluator;
    this.ops = evaluator.ops();
  }

  Value call(Expr.FunctionCall call) {
    String name = call.name();
    Span span = call.span();
    Optional<TfFunction> known = Functions.named(name);
    if (known.isEmpty()) {
      return new Unknown("function '" + name + "' is not supported by polygraph", span);
    }
    TfFunction function = known.get();
    if (function.kind() == TfFunction.Kind.EXPRESSIONS) {
      if (!function.accepts(call.args().size()) || call.expandFinal()) {
        return arityError(function, call.args().size(), span);
      }
      return function.onExpressions().apply(evaluator, call);
    }
    if (function.kind() == TfFunction.Kind.NOT_COMPUTED) {
      return function.accepts(call.args().size()) || call.expandFinal()
          ? new Unknown("function '" + name + "' is not computed by polygraph", span)
          : arityError(function, call.args().size(), span);
    }
    List<Value> args = new ArrayList<>();
    for (Expr arg : call.args()) {
      args.add(evaluator.evaluate(arg));
    }
    if (call.expandFinal() && !args.isEmpty()) {
      Value last = args.remove(args.size() - 1);
      if (last instanceof Unknown u) {
        return ops.moved(u, span);
      }
      if (!(last instanceof ListValue list)) {
        return ops.error("the argument expanded with '...' must be a list", span);
      }
      args.addAll(list.items());
    }
    if (!function.accepts(args.size())) {
      return arityError(function, args.size(), span);
    }
    return distribute(function, call, args, 0, span);
  }

  private Value arityError(TfFunction function, int given, Span span) {
    return ops.error("function '" + function.name() + "' " + function.arity() + ", got " + given, span);
  }

  private Value distribute(TfFunction function, Expr.FunctionCall call, List<Value> args, int from, Span span) {
    for (int i = from; i < args.size(); i++) {
      Value a = args.get(i);
      if (a instanceof OneOf one) {
        List<Guarded<Value>> out = new ArrayList<>();
        for (Guarded<Value> b : one.branches()) {
          List<Value> copy = new ArrayList<>(args);
          copy.set(i, b.value());
          out.add(new Guarded<>(b.guard(), distribute(function, call, copy, i + 1, span)));
        }
        return ops.oneOf(out, span);
      }
      if (function.kind() == TfFunction.Kind.VALUES) {
        // A function that takes values needs them whole: a partly known list or map is not enough.
        Unknown u = a instanceof Unknown whole ? whole : ops.moreOf(a);
        if (u != null) {
          return ops.moved(u, span);
        }
      }
    }
    try {
      return function.body().apply(new Args(evaluator, call, args, span));
    } catch (Args.Failure f) {
      return f.error ? ops.error(f.getMessage(), span) : new Unknown(f.getMessage(), span);
    } catch (ReadRefused refused) {
      return new Unknown(refused.getMessage(), span); // file() or templatefile() outside the scanned tree
    }
  }

  /** {@code try(a, b, …)}: the first argument that evaluates without an error. */
  static Value tryCall(TfEvaluator evaluator, Expr.FunctionCall call) {
    ValueOps ops = evaluator.ops();
    Unknown lastError = null;
    for (Expr arg : call.args()) {
      Value v = evaluator.evaluate(arg);
      Optional<Unknown> problem = firstUnknown(ops, v);
      if (problem.isEmpty()) {
        return v;
      }
      if (!ops.isError(problem.get())) {
        // Terraform cannot decide either until the value is known.
        return new Unknown(problem.get().reason(), call.span());
      }
      lastError = problem.get();
    }
    return ops.error("no argument of try() could be evaluated: " + lastError.reason(), call.span());
  }

  /** {@code can(a)}: whether the argument evaluates without an error. */
  static Value canCall(TfEvaluator evaluator, Expr.FunctionCall call) {
    ValueOps ops = evaluator.ops();
    Optional<Unknown> problem = firstUnknown(ops, evaluator.evaluate(call.args().get(0)));
    if (problem.isPresent() && !ops.isError(problem.get())) {
      return new Unknown(problem.get().reason(), call.span());
    }
    return ValueOps.bool(problem.isEmpty(), call.span());
  }

  /** {@code sensitive}, {@code nonsensitive}: sensitivity changes how Terraform shows a value, never the value. */
  static Value sameValue(TfEvaluator evaluator, Expr.FunctionCall call) {
    return evaluator.evaluate(call.args().get(0));
  }

  /** An error anywhere inside the value first, else the first unknown, else empty. */
  private static Optional<Unknown> firstUnknown(ValueOps ops, Value v) {
    List<Unknown> all = new ArrayList<>();
    collectUnknowns(v, all);
    return all.stream().filter(ops::isError).findFirst().or(() -> all.stream().findFirst());
  }

  private static void collectUnknowns(Value v, List<Unknown> out) {
    if (v instanceof Unknown u) {
      out.add(u);
    } else if (v instanceof ListValue l) {
      l.items().forEach(i -> collectUnknowns(i, out));
    } else if (v instanceof MapValue m) {
      m.entries().forEach(e -> collectUnknowns(e.value(), out));
    } else if (v instanceof OneOf o) {
      o.branches().forEach(b -> collectUnknowns(b.value(), out));
    }
  }
}
