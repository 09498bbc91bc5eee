package dev.polygraph.load.tf.module;

import dev.polygraph.load.tf.eval.Constants;
import dev.polygraph.load.tf.eval.TfEvaluator;
import dev.polygraph.load.tf.eval.TfJson;
import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a variable's type constraint does to its value that matters here: the defaults of {@code
 * optional(T, default)} object attributes fill in what the caller left out (terraform-aws-eks
 * relies on them), through {@code map(...)}, {@code list(...)} and {@code set(...)}. Conversions of
 * primitive types change nothing in this value model.
 */
final class VariableTypes {

  private final TfEvaluator constants;

  VariableTypes(TfJson json) {
    this.constants = new TfEvaluator(Constants.SCOPE, json);
  }

  Value apply(Expr type, Value value) {
    if (value instanceof OneOf one) {
      List<Guarded<Value>> branches = new ArrayList<>();
      for (Guarded<Value> b : one.branches()) {
        branches.add(new Guarded<>(b.guard(), apply(type, b.value())));
      }
      return new OneOf(branches, one.span());
    }
    if (!(type instanceof Expr.FunctionCall call) || call.args().size() != 1) {
      return value;
    }
    Expr element = call.args().get(0);
    switch (call.name()) {
      case "object":
        return element instanceof Expr.ObjectCons object && value instanceof MapValue map
            ? object(object, map)
            : value;
      case "map":
        if (value instanceof MapValue map) {
          List<MapValue.Entry> entries = new ArrayList<>();
          for (MapValue.Entry e : map.entries()) {
            entries.add(new MapValue.Entry(e.key(), e.keySpan(), apply(element, e.value())));
          }
          return new MapValue(entries, map.span());
        }
        return value;
      case "list":
      case "set":
        if (value instanceof ListValue list) {
          List<Value> items = new ArrayList<>();
          for (Value item : list.items()) {
            items.add(apply(element, item));
          }
          return new ListValue(items, list.span());
        }
        return value;
      default:
        return value;
    }
  }

  private Value object(Expr.ObjectCons type, MapValue value) {
    List<MapValue.Entry> entries = new ArrayList<>(value.entries());
    for (Expr.ObjectItem item : type.items()) {
      if (!(item.key() instanceof Expr.StringLit key)) {
        continue;
      }
      Expr attributeType = item.value();
      Optional<Expr> fallback = Optional.empty();
      boolean optional = false;
      if (attributeType instanceof Expr.FunctionCall call && call.name().equals("optional")
          && !call.args().isEmpty()) {
        optional = true;
        attributeType = call.args().get(0);
        fallback = call.args().size() > 1 ? Optional.of(call.args().get(1)) : Optional.empty();
      }
      int at = indexOf(entries, key.value());
      Value current = at < 0 ? null : entries.get(at).value();
      if ((current == null || current instanceof Absent) && optional) {
        Value filled = fallback.isPresent()
            ? apply(attributeType, constants.evaluate(fallback.get()))
            : new Absent(value.span());
        MapValue.Entry entry = new MapValue.Entry(key.value(), key.span(), filled);
        if (at < 0) {
          entries.add(entry);
        } else {
          entries.set(at, entry);
        }
      } else if (current != null) {
        MapValue.Entry e = entries.get(at);
        entries.set(at, new MapValue.Entry(e.key(), e.keySpan(), apply(attributeType, current)));
      }
    }
    return new MapValue(entries, value.span());
  }

  private static int indexOf(List<MapValue.Entry> entries, String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
