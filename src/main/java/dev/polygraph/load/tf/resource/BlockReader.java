package dev.polygraph.load.tf.resource;

import dev.polygraph.load.tf.eval.Alternatives;
import dev.polygraph.load.tf.eval.TfEvaluator;
import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.load.tf.hcl.Body;
import dev.polygraph.load.tf.hcl.Expr;
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
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the arguments and nested blocks of one block body. Nested blocks come static and {@code
 * dynamic} alike, in source order; a dynamic block gives one nested block per element of its {@code
 * for_each}, its iterator bound, each under the guard of the alternative it comes from.
 */
final class BlockReader {

  private final Body body;
  private final TfEvaluator evaluator;

  BlockReader(Body body, TfEvaluator evaluator) {
    this.body = body;
    this.evaluator = evaluator;
  }

  static BlockReader of(TfInstance instance) {
    return new BlockReader(instance.block().body(), instance.evaluator());
  }

  TfEvaluator evaluator() {
    return evaluator;
  }

  Optional<Attribute> attribute(String name) {
    return body.attribute(name);
  }

  /** The argument's value; null when it is not written or is null, as Terraform treats both. */
  Value value(String name) {
    Optional<Attribute> a = body.attribute(name);
    if (a.isEmpty()) {
      return null;
    }
    Value v = evaluator.evaluate(a.get().value());
    return v instanceof Absent ? null : v;
  }

  /** The first of the arguments that has a value; null when none has. */
  Value firstValue(String... names) {
    for (String name : names) {
      Value v = value(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The items of a list argument, each under its guard; none when it is not written. */
  List<Guarded<Value>> items(String name) {
    Value v = value(name);
    return v == null ? List.of() : Values.items(v);
  }

  /** A single-valued argument as the one item of a list (a policy's role, an attachment's role). */
  List<Guarded<Value>> single(String name) {
    Value v = value(name);
    if (v == null) {
      return List.of();
    }
    List<Guarded<Value>> items = Values.items(v);
    return items.size() == 1 ? items : List.of(Guarded.always(v));
  }

  /** Where the argument's name is written, or null when it is not. */
  Span nameSpan(String name) {
    return body.attribute(name).map(Attribute::nameSpan).orElse(null);
  }

  /** The nested blocks of that type, static and dynamic, in source order. */
  List<Nested> blocks(String type) {
    List<Nested> out = new ArrayList<>();
    for (Block b : body.blocks()) {
      if (b.type().equals(type) && b.labels().isEmpty()) {
        out.add(Nested.known(Guard.ALWAYS, b.span(), new BlockReader(b.body(), evaluator)));
      } else if (b.type().equals("dynamic") && b.labelValues().equals(List.of(type))) {
        dynamic(b, type, out);
      }
    }
    return out;
  }

  /**
   * The value of the first of {@code names} in the block reached through {@code path} (nested block
   * types, outermost first), under the guards of the blocks on the way; null when no block on that
   * path has any of them. Terraform allows such blocks once; when dynamic blocks make several, the
   * first that exists counts.
   */
  Value field(List<String> path, String... names) {
    List<Guarded<Value>> found = new ArrayList<>();
    collectField(path, 0, Guard.ALWAYS, names, found);
    if (found.isEmpty()) {
      return null;
    }
    Value first = Alternatives.firstOf(found, new Absent(found.get(0).value().span()));
    return first instanceof Absent ? null : first;
  }

  private void collectField(
      List<String> path, int depth, Guard guard, String[] names, List<Guarded<Value>> out) {
    if (depth == path.size()) {
      Value v = firstValue(names);
      if (v != null) {
        out.add(new Guarded<>(guard, v));
      }
      return;
    }
    for (Nested n : blocks(path.get(depth))) {
      Optional<Guard> g = guard.and(n.guard());
      if (g.isEmpty()) {
        continue;
      }
      if (n.reader() == null) {
        out.add(new Guarded<>(g.get(), n.unknown()));
      } else {
        n.reader().collectField(path, depth + 1, g.get(), names, out);
      }
    }
  }

  private void dynamic(Block block, String type, List<Nested> out) {
    Body spec = block.body();
    Optional<Block> content = spec.blocks("content").stream().findFirst();
    Optional<Attribute> forEach = spec.attribute("for_each");
    if (content.isEmpty() || forEach.isEmpty()) {
      return;
    }
    String iterator =
        spec.attribute("iterator")
            .map(Attribute::value)
            .filter(Expr.Variable.class::isInstance)
            .map(e -> ((Expr.Variable) e).name())
            .orElse(type);
    List<Iteration> iterations = new ArrayList<>();
    iterate(evaluator, evaluator.evaluate(forEach.get().value()), Guard.ALWAYS, type, iterations);
    for (Iteration it : iterations) {
      if (it.unknown() != null) {
        out.add(Nested.unknown(it.guard(), block.span(), it.unknown()));
        continue;
      }
      MapValue bound =
          new MapValue(
              List.of(
                  new MapValue.Entry("key", it.key().span(), it.key()),
                  new MapValue.Entry("value", it.value().span(), it.value())),
              it.value().span());
      TfEvaluator inner = evaluator.bind(iterator, bound);
      out.add(Nested.known(it.guard(), block.span(), new BlockReader(content.get().body(), inner)));
    }
  }

  /** The elements of a for_each value: a list by index, a map in key order as Terraform sorts it. */
  private static void iterate(TfEvaluator evaluator, Value each, Guard guard, String type, List<Iteration> out) {
    if (each instanceof OneOf one) {
      for (Guarded<Value> b : one.branches()) {
        guard.and(b.guard()).ifPresent(g -> iterate(evaluator, b.value(), g, type, out));
      }
    } else if (each instanceof ListValue list) {
      int index = 0;
      for (Guarded<Value> item : Values.items(list)) {
        if (evaluator.isMore(item.value())) {
          // A partly known collection: the known blocks, and blocks nobody can know.
          guard.and(item.guard()).ifPresent(g -> out.add(new Iteration(g, null, null, (Unknown) item.value())));
          continue;
        }
        Text key = Text.of(Integer.toString(index++), item.value().span());
        guard.and(item.guard()).ifPresent(g -> out.add(new Iteration(g, key, item.value(), null)));
      }
    } else if (each instanceof MapValue map) {
      List<MapValue.Entry> entries = new ArrayList<>(map.entries());
      entries.sort(Comparator.comparing(MapValue.Entry::key));
      for (MapValue.Entry e : entries) {
        out.add(evaluator.isMore(e.value()) ? new Iteration(guard, null, null, (Unknown) e.value())
            : new Iteration(guard, Text.of(e.key(), e.keySpan()), e.value(), null));
      }
    } else if (each instanceof Unknown u) {
      out.add(new Iteration(guard, null, null, u));
    } else if (each instanceof Text t) {
      out.add(
          new Iteration(
              guard,
              null,
              null,
              new Unknown(
                  "the for_each of dynamic '" + type + "' is the string '" + t.display()
                      + "', not a collection",
                  t.span())));
    }
  }

  private record Iteration(Guard guard, Text key, Value value, Unknown unknown) {}

  /**
   * One nested block: its reader, or why it cannot be read (a dynamic block over an unknown
   * collection stands for blocks nobody can know).
   *
   * @param guard when it exists, relative to the block that holds it
   * @param span the block, or the dynamic block that made it
   */
  record Nested(Guard guard, Span span, BlockReader reader, Unknown unknown) {

    static Nested known(Guard guard, Span span, BlockReader reader) {
      return new Nested(guard, span, reader, null);
    }

    static Nested unknown(Guard guard, Span span, Unknown unknown) {
      return new Nested(guard, span, null, unknown);
    }
  }
}
