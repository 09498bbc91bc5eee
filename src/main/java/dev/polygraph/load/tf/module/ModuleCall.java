package dev.polygraph.load.tf.module;

import dev.polygraph.load.tf.eval.TfEvaluator;
import dev.polygraph.load.tf.eval.TfResolved;
import dev.polygraph.load.tf.eval.TfStep;
import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code module} block in one module instance: where its source is, its instances (from {@code
 * count}/{@code for_each}), and what {@code module.name...} references give.
 */
final class ModuleCall {

  private final ModuleInstance caller;
  private final String name;
  private final Block block;
  private List<ModuleInstance> instances;
  private List<Expansion.Instance> keys = List.of();
  /** Why the call's instances cannot be read, or null. */
  private String unknown;
  private boolean expanded;
  /** Whether the for_each is only partly known: there may be instances besides these. */
  private boolean partial;
  private String partialReason;

  ModuleCall(ModuleInstance caller, String name, Block block) {
    this.caller = caller;
    this.name = name;
    this.block = block;
  }

  /** The instances, computed once; none (and one note) when the module cannot be read. */
  List<ModuleInstance> instances() {
    if (instances != null) {
      return instances;
    }
    instances = List.of();
    unknown = "module '" + name + "' refers to itself";
    Optional<TfModule> callee = callee();
    if (callee.isEmpty()) {
      return instances;
    }
    Optional<Attribute> count = block.body().attribute("count");
    Optional<Attribute> forEach = block.body().attribute("for_each");
    expanded = count.isPresent() || forEach.isPresent();
    Expansion expansion = count.isPresent()
        ? Expansion.count(caller.evaluator.evaluate(count.get().value()))
        : forEach.isPresent()
            ? Expansion.forEach(caller.evaluator.evaluate(forEach.get().value()), caller.evaluator::isMore)
            : Expansion.single();
    if (expansion.partial()) {
      Attribute at = count.orElseGet(forEach::get);
      caller.note(at.span(), "Module '" + caller.address + "module." + name + "' may have more instances than"
          + " polygraph reads: its " + at.name() + " is only partly known: " + expansion.unknown() + ".");
    } else if (expansion.unknown() != null) {
      Attribute at = count.orElseGet(forEach::get);
      unknown = "the instances of module '" + name + "' are not known: " + expansion.unknown();
      caller.note(at.span(), "Module '" + caller.address + "module." + name + "' is not read: its "
          + at.name() + " is not known: " + expansion.unknown() + ".");
      return instances;
    }
    unknown = null;
    partial = expansion.partial();
    partialReason = expansion.unknown();
    List<ModuleInstance> out = new ArrayList<>();
    List<Expansion.Instance> kept = new ArrayList<>();
    for (Expansion.Instance e : expansion.instances()) {
      Optional<Guard> guard = caller.guard.and(e.guard());
      if (guard.isEmpty()) {
        continue;
      }
      TfEvaluator inputs = caller.evaluator;
      String suffix = "";
      if (e.key() != null) {
        suffix = e.suffix();
        Span at = e.key().span();
        inputs = e.counted()
            ? inputs.bind("count", new MapValue(List.of(new MapValue.Entry("index", at, e.key())), at))
            : inputs.bind("each", new MapValue(List.of(new MapValue.Entry("key", at, e.key()),
                new MapValue.Entry("value", at, e.eachValue())), at));
      }
      TfEvaluator callerScope = inputs;
      List<String> dirs = new ArrayList<>(caller.dirs);
      dirs.add(callee.get().dir());
      String key = caller.sourceKey.isEmpty() ? name : caller.sourceKey + "." + name;
      out.add(new ModuleInstance(caller.run, callee.get(), caller.rootDir, key,
          caller.address + "module." + name + suffix + ".", name, guard.get(), caller.depth + 1, dirs,
          input -> isMetaArgument(input) ? null : block.body().attribute(input)
              .map(a -> callerScope.evaluate(a.value())).orElse(null)));
      kept.add(e);
    }
    keys = List.copyOf(kept);
    instances = List.copyOf(out);
    return instances;
  }

  private static boolean isMetaArgument(String name) {
    return name.equals("source") || name.equals("version") || name.equals("count") || name.equals("for_each")
        || name.equals("providers") || name.equals("depends_on");
  }

  /** The called module, or empty with the reason in {@link #unknown} (and a note where one helps). */
  private Optional<TfModule> callee() {
    Optional<Attribute> sourceAttribute = block.body().attribute("source");
    Optional<String> source = sourceAttribute.filter(a -> a.value() instanceof Expr.StringLit)
        .map(a -> ((Expr.StringLit) a.value()).value());
    Span at = sourceAttribute.map(Attribute::span).orElse(TfModule.header(block));
    if (source.isEmpty()) {
      unknown = "module '" + name + "' has no literal source";
      caller.note(at, "Module '" + name + "' is not read: its source must be a literal string.");
      return Optional.empty();
    }
    String key = caller.sourceKey.isEmpty() ? name : caller.sourceKey + "." + name;
    Optional<String> dir = ModulePaths.isLocalSource(source.get())
        ? Optional.of(ModulePaths.join(caller.module.dir(), source.get()))
        : caller.run.installed(caller.rootDir).dir(key);
    if (dir.isEmpty()) {
      unknown = "module '" + name + "' (" + source.get() + ") is not installed; run 'terraform init' to let"
          + " polygraph read it";
      caller.note(at, "Module '" + name + "' (" + source.get() + ") is not installed; run 'terraform init'"
          + " to let polygraph read it.");
      return Optional.empty();
    }
    if (caller.depth >= ModuleInstance.MAX_DEPTH || caller.dirs.contains(dir.get())) {
      unknown = "module '" + name + "' is nested too deeply or calls itself";
      caller.note(at, "Module '" + name + "' is not read: modules nest more than " + ModuleInstance.MAX_DEPTH
          + " levels deep or call themselves here.");
      return Optional.empty();
    }
    Optional<TfModule> module = caller.run.module(dir.get());
    Optional<String> refused = caller.run.refusal(dir.get());
    if (refused.isPresent()) {
      unknown = "module '" + name + "' is not read: " + refused.get();
      caller.note(at, "Module '" + name + "' is not read: " + refused.get() + ".");
    } else if (module.isEmpty()) {
      unknown = "module '" + name + "' has no .tf files in '" + ModulePaths.display(dir.get()) + "'";
      caller.note(at, "Module '" + name + "' is not read: '" + ModulePaths.display(dir.get())
          + "' holds no .tf file polygraph can read.");
    }
    return module;
  }

  /** {@code module.name[key].output...}: the first step is the name. */
  TfResolved resolve(List<TfStep> steps, Span span) {
    List<ModuleInstance> all = instances();
    if (unknown != null) {
      return new TfResolved(new Unknown(unknown, span), steps.size());
    }
    if (!expanded) {
      return all.isEmpty()
          ? new TfResolved(new Unknown("module '" + name + "' has no instance here", span), steps.size())
          : outputOrAll(all.get(0), steps, 1, span);
    }
    if (steps.size() > 1 && !steps.get(1).isAttribute()) {
      Optional<String> key = Values.literal(steps.get(1).key());
      if (key.isEmpty()) {
        return new TfResolved(new Unknown("the instance key of module '" + name + "' is not known", span), steps.size());
      }
      for (int i = 0; i < all.size(); i++) {
        if (keys.get(i).key() instanceof Text t && t.literal().equals(key)) {
          return outputOrAll(all.get(i), steps, 2, span);
        }
      }
      return new TfResolved(new Unknown("module '" + name + "' has no instance [" + key.get() + "]", span), 2);
    }
    boolean counted = block.body().attribute("count").isPresent();
    List<Value> items = new ArrayList<>();
    List<MapValue.Entry> entries = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Value outputs = all.get(i).outputs(span);
      if (counted) {
        items.add(outputs);
      } else {
        Text key = (Text) keys.get(i).key();
        entries.add(new MapValue.Entry(key.literal().orElse(""), key.span(), outputs));
      }
    }
    if (partial) {
      entries.add(new MapValue.Entry("…", span, caller.evaluator.more("the instances of module '" + name
          + "' are only partly known: " + partialReason, span)));
    }
    return new TfResolved(counted ? new ListValue(items, span) : new MapValue(entries, span), 1);
  }

  private static TfResolved outputOrAll(ModuleInstance instance, List<TfStep> steps, int used, Span span) {
    if (used < steps.size() && steps.get(used).isAttribute()) {
      TfStep step = steps.get(used);
      return new TfResolved(instance.output(step.attribute(), step.span()), used + 1);
    }
    return new TfResolved(instance.outputs(span), used);
  }
}
