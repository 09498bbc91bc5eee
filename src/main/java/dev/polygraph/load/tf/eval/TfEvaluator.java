package dev.polygraph.load.tf.eval;

import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.load.tf.hcl.ExprText;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Evaluates HCL expressions of one module instance to format-neutral values. Names bound here
 * ({@code each}, {@code count}, iterators, {@code for} variables) come before the scope; everything
 * that cannot be known becomes an Unknown with a reason, and an unknown condition becomes a OneOf
 * under a guard named after the condition as written.
 */
public final class TfEvaluator {

  private final TfScope scope;
  private final TfJson json;
  private final Map<String, Value> bound;
  private final Value splatItem;
  private final Evaluation evaluation;
  private final ValueOps ops;

  public TfEvaluator(TfScope scope, TfJson json) {
    this(scope, json, Map.of(), null, new Evaluation(json.errors(), json.rests()));
  }

  private TfEvaluator(
      TfScope scope, TfJson json, Map<String, Value> bound, Value splatItem, Evaluation evaluation) {
    this.scope = scope;
    this.json = json;
    this.bound = bound;
    this.splatItem = splatItem;
    this.evaluation = evaluation;
    this.ops = new ValueOps(evaluation);
  }

  /** The expression's value. Never throws on any input; what cannot be known is Unknown with a reason. */
  public Value evaluate(Expr expr) {
    String stop = evaluation.enter();
    try {
      if (stop != null) {
        return evaluation.error(stop, expr.span());
      }
      return dispatch(expr);
    } finally {
      evaluation.leave();
    }
  }

  /** This evaluator with one more bound name (each, count, a dynamic block's iterator). */
  public TfEvaluator bind(String name, Value value) {
    Map<String, Value> more = new HashMap<>(bound);
    more.put(name, value);
    return new TfEvaluator(scope, json, Map.copyOf(more), splatItem, evaluation);
  }

  public TfScope scope() {
    return scope;
  }

  public TfJson json() {
    return json;
  }

  Evaluation evaluation() {
    return evaluation;
  }

  ValueOps ops() {
    return ops;
  }

  /** Whether the value is the marker that ends a partly known list or map ("and maybe more"). */
  public boolean isMore(Value value) {
    return ops.isMore(value);
  }

  /** A new marker of "and maybe more", for a collection built outside the evaluator (instances). */
  public Unknown more(String reason, Span span) {
    return ops.more(reason, span);
  }

  /** An evaluator that knows no names but those bound later (a template file's variables). */
  TfEvaluator isolated() {
    TfScope outer = scope;
    TfScope none = new TfScope() {
      @Override
      public TfResolved resolve(String root, List<TfStep> steps, Span span) {
        return null;
      }

      @Override
      public Optional<dev.polygraph.source.SourceFile> file(String path) {
        return outer.file(path);
      }

      @Override
      public String guardPrefix() {
        return outer.guardPrefix();
      }
    };
    return new TfEvaluator(none, json, Map.of(), null, evaluation);
  }

  private TfEvaluator withSplatItem(Value item) {
    return new TfEvaluator(scope, json, bound, item, evaluation);
  }

  private Value dispatch(Expr expr) {
    Span span = expr.span();
    if (expr instanceof Expr.NumberLit n) {
      return ValueOps.number(n.value(), span);
    }
    if (expr instanceof Expr.BoolLit b) {
      return ValueOps.bool(b.value(), span);
    }
    if (expr instanceof Expr.NullLit) {
      return new Absent(span);
    }
    if (expr instanceof Expr.StringLit s) {
      Text text = Text.of(s.value(), span);
      json.rememberLiteral(text, s);
      return text;
    }
    if (expr instanceof Expr.Template t) {
      Value value = new Templates(this).evaluate(t.parts(), span);
      if (value instanceof Text text) {
        json.rememberTemplate(text, t);
      }
      return value;
    }
    if (expr instanceof Expr.Variable || expr instanceof Expr.GetAttr || expr instanceof Expr.Index) {
      return reference(expr);
    }
    if (expr instanceof Expr.Splat s) {
      return splat(s);
    }
    if (expr instanceof Expr.SplatItem) {
      return splatItem != null ? splatItem : evaluation.error("'[*]' outside a splat", span);
    }
    if (expr instanceof Expr.FunctionCall f) {
      return new TfFunctions(this).call(f);
    }
    if (expr instanceof Expr.TupleCons t) {
      List<Value> items = new ArrayList<>();
      for (Expr item : t.items()) {
        items.add(evaluate(item));
      }
      return new ListValue(items, span);
    }
    if (expr instanceof Expr.ObjectCons o) {
      return object(o);
    }
    if (expr instanceof Expr.Unary u) {
      return Operators.unary(ops, u.operator(), evaluate(u.operand()), span);
    }
    if (expr instanceof Expr.Binary b) {
      return Operators.binary(ops, b.operator(), evaluate(b.left()), evaluate(b.right()), span);
    }
    if (expr instanceof Expr.Conditional c) {
      return conditional(c);
    }
    return forExpr((Expr.ForExpr) expr);
  }

  private Value object(Expr.ObjectCons o) {
    List<MapValue.Entry> entries = new ArrayList<>();
    for (Expr.ObjectItem item : o.items()) {
      Value key = evaluate(item.key());
      if (key instanceof Unknown u) {
        return ops.moved(u, o.span());
      }
      Optional<String> name = key instanceof Text t && ValueOps.asBool(t) == null ? t.literal()
          : Optional.ofNullable(ValueOps.asBool(key)).map(String::valueOf);
      if (name.isEmpty()) {
        return key instanceof OneOf || (key instanceof Text)
            ? new Unknown("object key " + ExprText.of(item.key()) + " is not known", o.span())
            : evaluation.error("object key " + ExprText.of(item.key()) + " is not a string", o.span());
      }
      entries.add(new MapValue.Entry(name.get(), item.key().span(), evaluate(item.value())));
    }
    return new MapValue(entries, o.span());
  }

  // References -----------------------------------------------------------------------------------

  private Value reference(Expr expr) {
    List<Expr> chain = new ArrayList<>();
    Expr root = expr;
    while (root instanceof Expr.GetAttr || root instanceof Expr.Index) {
      chain.add(0, root);
      root = root instanceof Expr.GetAttr g ? g.source() : ((Expr.Index) root).source();
    }
    List<TfStep> steps = new ArrayList<>();
    for (Expr link : chain) {
      Span stepSpan = link.span();
      if (link instanceof Expr.GetAttr g) {
        steps.add(TfStep.attribute(g.name(), stepSpan));
      } else {
        steps.add(TfStep.index(evaluate(((Expr.Index) link).key()), stepSpan));
      }
    }
    Span span = expr.span();
    Value base;
    int consumed = 0;
    if (root instanceof Expr.Variable v && bound.containsKey(v.name())) {
      base = bound.get(v.name());
    } else if (root instanceof Expr.Variable v) {
      TfResolved resolved = scope.resolve(v.name(), List.copyOf(steps), span);
      if (resolved == null) {
        return evaluation.error("'" + v.name() + "' is not a name Terraform knows here", span);
      }
      base = resolved.value();
      consumed = Math.min(Math.max(resolved.consumed(), 0), steps.size());
    } else {
      base = evaluate(root);
    }
    Value value = base;
    for (int i = consumed; i < steps.size(); i++) {
      value = step(value, steps.get(i), chain.get(i));
    }
    return value;
  }

  private Value step(Value value, TfStep step, Expr link) {
    Span span = link.span();
    if (!step.isAttribute()) {
      return ops.map2(value, step.key(), span, (v, k) -> index(v, k, link));
    }
    return ops.map(value, span, v -> attribute(v, step.attribute(), link));
  }

  private Value attribute(Value value, String name, Expr link) {
    Span span = link.span();
    if (value instanceof MapValue map) {
      Optional<Value> found = map.get(name);
      if (found.isEmpty() && ops.moreOf(map) != null) {
        return new Unknown("whether " + ExprText.of(sourceOf(link)) + " has the attribute '" + name
            + "' is not known: " + ops.moreOf(map).reason(), span);
      }
      return found.isPresent()
          ? found.get()
          : evaluation.error(ExprText.of(sourceOf(link)) + " has no attribute '" + name + "'", span);
    }
    if (value instanceof Absent) {
      return evaluation.error(
          "cannot read attribute '" + name + "' of " + ExprText.of(sourceOf(link)) + ": it is null", span);
    }
    return evaluation.error(
        "cannot read attribute '" + name + "' of " + ExprText.of(sourceOf(link)) + ": it is "
            + ValueOps.typeName(value), span);
  }

  private Value index(Value value, Value key, Expr link) {
    Span span = link.span();
    String what = ExprText.of(sourceOf(link));
    if (value instanceof MapValue map) {
      Optional<String> name = key instanceof Text t ? t.literal() : Optional.empty();
      if (name.isEmpty()) {
        return key instanceof Text
            ? new Unknown("the key of " + ExprText.of(link) + " is not known", span)
            : evaluation.error("a map cannot be indexed by " + ValueOps.typeName(key), span);
      }
      Optional<Value> found = map.get(name.get());
      Unknown more = ops.moreOf(map);
      if (found.isEmpty() && more != null) {
        return new Unknown("whether " + what + " has the key \"" + name.get() + "\" is not known: "
            + more.reason(), span);
      }
      return found.isPresent()
          ? found.get()
          : evaluation.error(what + " has no element with key \"" + name.get() + "\"", span);
    }
    if (value instanceof ListValue list && ops.moreOf(list) != null) {
      BigDecimal n = ValueOps.asNumber(key);
      int known = ops.knownItems(list).size();
      if (n != null && n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0
          && n.compareTo(BigDecimal.valueOf(known)) < 0) {
        return list.items().get(n.intValueExact());
      }
      return new Unknown("the element " + ExprText.of(link) + " is not known: " + ops.moreOf(list).reason(), span);
    }
    if (value instanceof ListValue list) {
      BigDecimal n = ValueOps.asNumber(key);
      if (n == null) {
        return key instanceof Text t && t.literal().isEmpty()
            ? new Unknown("the index of " + ExprText.of(link) + " is not known", span)
            : evaluation.error("a list cannot be indexed by " + ValueOps.typeName(key), span);
      }
      if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0
          || n.compareTo(BigDecimal.valueOf(list.items().size())) >= 0) {
        return evaluation.error(
            "index " + ExprText.number(n) + " is out of range for " + what + " of "
                + list.items().size() + " elements", span);
      }
      return list.items().get(n.intValueExact());
    }
    if (value instanceof Absent) {
      return evaluation.error("cannot index " + what + ": it is null", span);
    }
    return evaluation.error("cannot index " + what + ": it is " + ValueOps.typeName(value), span);
  }

  private static Expr sourceOf(Expr link) {
    return link instanceof Expr.GetAttr g ? g.source() : ((Expr.Index) link).source();
  }

  // Splat, conditional, for ----------------------------------------------------------------------

  private Value splat(Expr.Splat s) {
    Span span = s.span();
    return ops.map(evaluate(s.source()), span, source -> {
      if (source instanceof Absent) {
        return new ListValue(List.of(), span);
      }
      List<Value> elements = source instanceof ListValue l ? ops.knownItems(l) : List.of(source);
      List<Value> out = new ArrayList<>();
      for (Value element : elements) {
        out.add(withSplatItem(element).evaluate(s.each()));
      }
      return ops.list(out, ops.moreOf(source), span);
    });
  }

  private Value conditional(Expr.Conditional c) {
    Value condition = evaluate(c.condition());
    return branch(condition, c, c.span());
  }

  private Value branch(Value condition, Expr.Conditional c, Span span) {
    if (condition instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<Value> b : one.branches()) {
        out.add(new Guarded<>(b.guard(), branch(b.value(), c, span)));
      }
      return ops.oneOf(out, span);
    }
    if (condition instanceof Unknown u) {
      if (ops.isError(u)) {
        return ops.moved(u, span);
      }
      String name = scope.guardPrefix() + ExprText.of(c.condition());
      return ops.oneOf(
          List.of(
              new Guarded<>(Guard.of(name, true), evaluate(c.whenTrue())),
              new Guarded<>(Guard.of(name, false), evaluate(c.whenFalse()))),
          span);
    }
    Boolean known = ValueOps.asBool(condition);
    if (known == null) {
      return condition instanceof Text t && t.literal().isEmpty()
          ? new Unknown("the condition " + ExprText.of(c.condition()) + " is not known", span)
          : evaluation.error("the condition " + ExprText.of(c.condition()) + " is "
              + ValueOps.typeName(condition) + ", not a bool", span);
    }
    return evaluate(known ? c.whenTrue() : c.whenFalse());
  }

  /**
   * The elements a for expression or directive iterates: (key, value) in Terraform's order; of a
   * partly known collection, the known ones.
   */
  Optional<List<Map.Entry<Value, Value>>> iteration(Value collection) {
    List<Map.Entry<Value, Value>> out = new ArrayList<>();
    if (collection instanceof ListValue list) {
      List<Value> known = ops.knownItems(list);
      for (int i = 0; i < known.size(); i++) {
        Value item = known.get(i);
        out.add(Map.entry(ValueOps.number(BigDecimal.valueOf(i), item.span()), item));
      }
      return Optional.of(out);
    }
    if (collection instanceof MapValue map) {
      TreeMap<String, MapValue.Entry> sorted = new TreeMap<>();
      ops.knownEntries(map).forEach(e -> sorted.put(e.key(), e));
      sorted.values().forEach(e -> out.add(Map.entry(Text.of(e.key(), e.keySpan()), e.value())));
      return Optional.of(out);
    }
    return Optional.empty();
  }

  /** This evaluator with a for's names bound to one element. */
  TfEvaluator iterating(Optional<String> keyVar, String valueVar, Map.Entry<Value, Value> element) {
    TfEvaluator e = keyVar.isPresent() ? bind(keyVar.get(), element.getKey()) : this;
    return e.bind(valueVar, element.getValue());
  }

  private Value forExpr(Expr.ForExpr f) {
    if (f.condition().isPresent() && !mentions(f.condition().get(), f.keyVar(), f.valueVar())) {
      // A filter that does not look at the element ("if local.create") keeps all elements or none:
      // when it is not known, both outcomes are kept under its condition, as a conditional does.
      Expr.ForExpr unfiltered = new Expr.ForExpr(f.keyVar(), f.valueVar(), f.collection(), f.key(), f.value(),
          Optional.empty(), f.grouping(), f.span());
      Value none = f.isObject() ? new MapValue(List.of(), f.span()) : new ListValue(List.of(), f.span());
      return filtered(evaluate(f.condition().get()), f, unfiltered, none);
    }
    return iterate(f);
  }

  private Value filtered(Value keep, Expr.ForExpr f, Expr.ForExpr unfiltered, Value none) {
    Span span = f.span();
    if (keep instanceof OneOf one) {
      List<Guarded<Value>> out = new ArrayList<>();
      for (Guarded<Value> b : one.branches()) {
        out.add(new Guarded<>(b.guard(), filtered(b.value(), f, unfiltered, none)));
      }
      return ops.oneOf(out, span);
    }
    if (keep instanceof Unknown u) {
      if (ops.isError(u)) {
        return ops.moved(u, span);
      }
      String name = scope.guardPrefix() + ExprText.of(f.condition().get());
      return ops.oneOf(List.of(new Guarded<>(Guard.of(name, true), iterate(unfiltered)),
          new Guarded<>(Guard.of(name, false), none)), span);
    }
    Boolean known = ValueOps.asBool(keep);
    if (known == null) {
      return evaluation.error("the filter " + ExprText.of(f.condition().get()) + " is "
          + ValueOps.typeName(keep) + ", not a bool", span);
    }
    return known ? iterate(unfiltered) : none;
  }

  /** Whether the expression's text names one of the iteration variables (a conservative yes). */
  private static boolean mentions(Expr expr, Optional<String> keyVar, String valueVar) {
    String text = ExprText.of(expr);
    for (String name : keyVar.isPresent() ? List.of(keyVar.get(), valueVar) : List.of(valueVar)) {
      if (Pattern.compile("(?<![.\\w])" + Pattern.quote(name) + "(?!\\w)")
          .matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private Value iterate(Expr.ForExpr f) {
    Span span = f.span();
    return ops.map(evaluate(f.collection()), span, collection -> {
      Optional<List<Map.Entry<Value, Value>>> elements = iteration(collection);
      if (elements.isEmpty()) {
        return evaluation.error("cannot iterate over " + ExprText.of(f.collection()) + ": it is "
            + ValueOps.typeName(collection), span);
      }
      List<Value> items = new ArrayList<>();
      LinkedHashMap<String, List<Value>> groups = new LinkedHashMap<>();
      LinkedHashMap<String, Span> keySpans = new LinkedHashMap<>();
      // Of a partly known collection, or where the filter or a key is not known for an element,
      // the result is the elements that are known to be in it, and maybe more.
      Unknown more = ops.moreOf(collection);
      for (Map.Entry<Value, Value> element : elements.get()) {
        TfEvaluator inner = iterating(f.keyVar(), f.valueVar(), element);
        if (f.condition().isPresent()) {
          Value keep = inner.evaluate(f.condition().get());
          Boolean known = ValueOps.asBool(keep);
          if (known == null) {
            if (keep instanceof Unknown u && ops.isError(u)) {
              return ops.moved(u, span);
            }
            more = more != null ? more : keep instanceof Unknown u ? u
                : new Unknown("the filter " + ExprText.of(f.condition().get()) + " is not known for every element", span);
            continue;
          }
          if (!known) {
            continue;
          }
        }
        if (!f.isObject()) {
          items.add(inner.evaluate(f.value()));
          continue;
        }
        Value key = inner.evaluate(f.key().get());
        Optional<String> name = key instanceof Text t ? t.literal() : Optional.empty();
        if (name.isEmpty()) {
          if (key instanceof Unknown u && ops.isError(u)) {
            return ops.moved(u, span);
          }
          more = more != null ? more : key instanceof Unknown u ? u
              : new Unknown("the key " + ExprText.of(f.key().get()) + " is not known", span);
          continue;
        }
        if (groups.containsKey(name.get()) && !f.grouping()) {
          return evaluation.error("two elements have the key \"" + name.get()
              + "\"; add '...' to group them", span);
        }
        groups.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(inner.evaluate(f.value()));
        keySpans.putIfAbsent(name.get(), key.span());
      }
      if (!f.isObject()) {
        return ops.list(items, more, span);
      }
      List<MapValue.Entry> entries = new ArrayList<>();
      groups.forEach((k, vs) -> entries.add(new MapValue.Entry(k, keySpans.get(k),
          f.grouping() ? new ListValue(vs, span) : vs.get(0))));
      return ops.map(entries, more, span);
    });
  }
}
