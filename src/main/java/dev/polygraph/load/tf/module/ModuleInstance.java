package dev.polygraph.load.tf.module;

import dev.polygraph.load.tf.eval.Constants;
import dev.polygraph.load.tf.eval.TfEvaluator;
import dev.polygraph.load.tf.eval.TfResolved;
import dev.polygraph.load.tf.eval.TfScope;
import dev.polygraph.load.tf.eval.TfStep;
import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Unknown;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One module evaluated with its inputs: the root module of a configuration, or one instance of a
 * {@code module} call. It is the {@link TfScope} of the module's expressions; variables, locals,
 * outputs and resource attributes are evaluated when first asked for and remembered.
 */
public final class ModuleInstance implements TfScope {

  /** Module calls nested deeper than this are not followed. */
  static final int MAX_DEPTH = 12;

  /** A module instance's input: set by the caller (a value, or null when not set). */
  public interface Inputs {
    Value input(String name);
  }

  final LoadRun run;
  final TfModule module;
  final String rootDir;
  /** The key of this instance in modules.json ("" for the root, "eks", "eks.node_group"). */
  final String sourceKey;
  /** "" for the root, {@code module.nodes["a"].} inside calls. */
  final String address;
  final String callName;
  final Guard guard;
  final int depth;
  final List<String> dirs;
  private final Inputs inputs;
  final TfEvaluator evaluator;
  private final Map<String, Value> memo = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Map<String, ResourceBlock> resources = new LinkedHashMap<>();
  private final Map<String, ModuleCall> calls = new LinkedHashMap<>();

  public ModuleInstance(LoadRun run, TfModule module, String rootDir, String sourceKey, String address,
      String callName, Guard guard, int depth, List<String> dirs, Inputs inputs) {
    this.run = run;
    this.module = module;
    this.rootDir = rootDir;
    this.sourceKey = sourceKey;
    this.address = address;
    this.callName = callName;
    this.guard = guard;
    this.depth = depth;
    this.dirs = List.copyOf(dirs);
    this.inputs = inputs;
    this.evaluator = new TfEvaluator(this, run.json);
    module.resources().forEach((name, block) -> resources.put(name, new ResourceBlock(this, name, block)));
    module.calls().forEach((name, block) -> calls.put(name, new ModuleCall(this, name, block)));
  }

  /** Maps every resource instance of this module and of the modules it calls into the graph. */
  public void instantiate() {
    for (ResourceBlock block : resources.values()) {
      block.map();
    }
    for (ModuleCall call : calls.values()) {
      for (ModuleInstance child : call.instances()) {
        child.instantiate();
      }
    }
  }

  // ------------------------------------------------------------------------------------ scope

  @Override
  public TfResolved resolve(String root, List<TfStep> steps, Span span) {
    switch (root) {
      case "var":
        return named(steps, span, this::variable);
      case "local":
        return named(steps, span, this::local);
      case "path":
        return named(steps, span, (name, at) -> path(name, at));
      case "terraform":
        return named(steps, span, (name, at) -> name.equals("workspace")
            ? Text.of("default", at)
            : new Unknown("'terraform." + name + "' is not known", at));
      case "module":
        return moduleReference(steps, span);
      case "data":
        if (steps.size() < 2 || !steps.get(0).isAttribute() || !steps.get(1).isAttribute()) {
          return new TfResolved(new Unknown("a data source reference needs a type and a name", span), steps.size());
        }
        return resource("data." + steps.get(0).attribute() + "." + steps.get(1).attribute(), steps, 2, span);
      default:
        if (!isResourceType(root) || steps.isEmpty() || !steps.get(0).isAttribute()) {
          return null;
        }
        return resource(root + "." + steps.get(0).attribute(), steps, 1, span);
    }
  }

  @Override
  public Optional<SourceFile> file(String path) {
    if (path.startsWith("/")) {
      return Optional.empty();
    }
    return run.file(ModulePaths.join(rootDir, path));
  }

  @Override
  public String guardPrefix() {
    return address;
  }

  // -------------------------------------------------------------------------------- variables

  private interface Lookup {
    Value get(String name, Span span);
  }

  private static TfResolved named(List<TfStep> steps, Span span, Lookup lookup) {
    if (steps.isEmpty() || !steps.get(0).isAttribute()) {
      return new TfResolved(new Unknown("a reference needs an attribute name here", span), steps.size());
    }
    return new TfResolved(lookup.get(steps.get(0).attribute(), steps.get(0).span()), 1);
  }

  Value variable(String name, Span span) {
    Block declaration = module.variables().get(name);
    if (declaration == null) {
      return new Unknown("variable '" + name + "' is not declared", span);
    }
    return remembered("var." + name, span, () -> {
      Value value = inputs.input(name);
      Optional<Attribute> fallback = declaration.body().attribute("default");
      boolean nullable = declaration.body().attribute("nullable")
          .map(a -> !(a.value() instanceof Expr.BoolLit b) || b.value()).orElse(true);
      if ((value == null || (value instanceof Absent && !nullable)) && fallback.isPresent()) {
        value = new TfEvaluator(Constants.SCOPE, run.json).evaluate(fallback.get().value());
      }
      if (value == null) {
        value = new Unknown(callName == null
            ? "variable '" + name + "' has no default and no value is set (--tf-var " + name
                + "=…, or a .tfvars file)"
            : "input '" + name + "' of module '" + callName + "' is not set", TfModule.header(declaration));
      }
      Optional<Attribute> type = declaration.body().attribute("type");
      return type.isPresent() ? run.types.apply(type.get().value(), value) : value;
    });
  }

  private Value local(String name, Span span) {
    Attribute local = module.locals().get(name);
    if (local == null) {
      return new Unknown("local value '" + name + "' is not declared", span);
    }
    return remembered("local." + name, span, () -> evaluator.evaluate(local.value()));
  }

  private Value path(String name, Span span) {
    switch (name) {
      case "module":
        return Text.of(ModulePaths.relative(rootDir, module.dir()), span);
      case "root":
      case "cwd":
        return Text.of(".", span);
      default:
        return new Unknown("'path." + name + "' is not known", span);
    }
  }

  /** The output's value, evaluated in this instance. */
  Value output(String name, Span span) {
    Block output = module.outputs().get(name);
    if (output == null) {
      return new Unknown("module '" + callName + "' has no output '" + name + "'", span);
    }
    Optional<Attribute> value = output.body().attribute("value");
    if (value.isEmpty()) {
      return new Absent(TfModule.header(output));
    }
    return remembered("output." + name, span, () -> evaluator.evaluate(value.get().value()));
  }

  /** Every output, as {@code module.x} gives them. */
  Value outputs(Span span) {
    List<MapValue.Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Block> e : module.outputs().entrySet()) {
      entries.add(new MapValue.Entry(e.getKey(), TfModule.header(e.getValue()), output(e.getKey(), span)));
    }
    return new MapValue(entries, span);
  }

  /**
   * The value under {@code key}, computed once; a computation that needs itself gives Unknown
   * instead of recursing for ever.
   */
  Value remembered(String key, Span span, Supplier<Value> compute) {
    Value known = memo.get(key);
    if (known != null) {
      return known;
    }
    if (!evaluating.add(key)) {
      String what = key.startsWith("local.") ? "local '" + key.substring(6) + "'" : "'" + key + "'";
      return new Unknown(what + " refers to itself", span);
    }
    try {
      Value value = compute.get();
      memo.put(key, value);
      return value;
    } finally {
      evaluating.remove(key);
    }
  }

  // ------------------------------------------------------------------------ modules, resources

  private TfResolved moduleReference(List<TfStep> steps, Span span) {
    if (steps.isEmpty() || !steps.get(0).isAttribute()) {
      return new TfResolved(new Unknown("a module reference needs the module's name", span), steps.size());
    }
    String name = steps.get(0).attribute();
    ModuleCall call = calls.get(name);
    if (call == null) {
      return new TfResolved(new Unknown("module '" + name + "' is not declared", steps.get(0).span()), 1);
    }
    return call.resolve(steps, span);
  }

  private boolean isResourceType(String type) {
    String prefix = type + ".";
    return resources.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  private TfResolved resource(String name, List<TfStep> steps, int used, Span span) {
    ResourceBlock block = resources.get(name);
    if (block == null) {
      return new TfResolved(new Unknown("'" + name + "' is not declared in this module", span), used);
    }
    return block.resolve(steps, used, span);
  }

  void note(Span span, String message) {
    run.note(new InputProblem(span, message));
  }
}
