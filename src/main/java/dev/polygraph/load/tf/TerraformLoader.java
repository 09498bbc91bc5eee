package dev.polygraph.load.tf;

import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.load.tf.eval.Constants;
import dev.polygraph.load.tf.eval.TfEvaluator;
import dev.polygraph.load.tf.eval.TfJson;
import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.load.tf.hcl.Body;
import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.load.tf.hcl.HclFiles;
import dev.polygraph.load.tf.hcl.HclResult;
import dev.polygraph.load.tf.module.LoadRun;
import dev.polygraph.load.tf.module.ModuleInstance;
import dev.polygraph.load.tf.module.ModulePaths;
import dev.polygraph.load.tf.module.TfModule;
import dev.polygraph.load.tf.module.Tfvars;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Loads Terraform configurations into the policy graph. Each directory of scanned {@code .tf} files
 * is a module; those no other scanned module calls are root modules, evaluated with their variables
 * ({@code default} < {@code terraform.tfvars} < {@code terraform.tfvars.json} < {@code
 * *.auto.tfvars(.json)} < {@code --tf-var-file} < {@code --tf-var}); called modules are evaluated
 * through their callers only, with the caller's inputs.
 */
public final class TerraformLoader {

  /**
   * What loading gave.
   *
   * @param problems parse errors and structural errors (POLY001), and evaluation problems worth a
   *     finding (a .tfvars file that does not parse)
   * @param notes what the run should say once, as notes (a registry module that is not installed,
   *     once per call; the scanner turns them into notifications)
   * @param bodies every parsed .tf/.tfvars file's body by file name, for suppression comments
   */
  public record Result(
      List<InputProblem> problems, List<InputProblem> notes, Map<String, Body> bodies) {}

  private final TfOptions options;
  private final Function<String, Optional<SourceFile>> files;

  /**
   * @param files reads a file by its path relative to the scan root (modules outside the scanned
   *     paths, var files, file() arguments); empty when it does not exist
   */
  public TerraformLoader(TfOptions options, Function<String, Optional<SourceFile>> files) {
    this.options = options;
    this.files = files;
  }

  /**
   * Loads the Terraform configurations the scanned .tf and .tfvars files belong to into the graph.
   */
  public Result load(List<SourceFile> tfFiles, List<SourceFile> tfvarsFiles, PolicyGraph.Builder out) {
    LoadRun run = new LoadRun(files, tfFiles, out);
    Map<String, TfModule> scanned = new TreeMap<>();
    for (String dir : run.scannedDirs()) {
      run.module(dir).ifPresent(m -> scanned.put(dir, m));
    }
    Set<String> called = new HashSet<>();
    scanned.values().forEach(m -> called.addAll(m.localCallDirs()));
    Map<String, Tfvars> tfvars = new TreeMap<>();
    for (SourceFile file : tfvarsFiles) {
      Tfvars read = Tfvars.read(file, run.json);
      run.problems.addAll(read.problems());
      if (read.body() != null) {
        run.bodies.put(file.name(), read.body());
      }
      tfvars.put(file.name(), read);
    }
    List<Tfvars> optionFiles = new ArrayList<>();
    for (String name : options.varFiles()) {
      Optional<SourceFile> file = files.apply(name);
      if (file.isEmpty()) {
        run.problems.add(new InputProblem(Span.fileStart(name), "The variable file '" + name + "' cannot be read."));
        continue;
      }
      Tfvars read = tfvars.containsKey(file.get().name()) ? tfvars.get(file.get().name()) : Tfvars.read(file.get(), run.json);
      if (!tfvars.containsKey(file.get().name())) {
        run.problems.addAll(read.problems());
        if (read.body() != null) {
          run.bodies.put(file.get().name(), read.body());
        }
      }
      optionFiles.add(read);
    }
    for (TfModule root : scanned.values()) {
      if (called.contains(root.dir())) {
        continue;
      }
      Map<String, Value> values = rootValues(root, tfvars, optionFiles, run.json);
      new ModuleInstance(run, root, root.dir(), "", "", null, Guard.ALWAYS, 0, List.of(root.dir()),
          values::get).instantiate();
    }
    return new Result(List.copyOf(run.problems), run.notes(), Map.copyOf(run.bodies));
  }

  /** The root's variable values in Terraform's order of precedence, later sources winning. */
  private Map<String, Value> rootValues(
      TfModule root, Map<String, Tfvars> scannedVars, List<Tfvars> optionFiles, TfJson json) {
    Map<String, Value> values = new HashMap<>();
    List<Tfvars> auto = new ArrayList<>();
    for (Tfvars file : scannedVars.values()) {
      if (ModulePaths.dirOf(file.file()).equals(root.dir())) {
        auto.add(file);
      }
    }
    auto.sort((a, b) -> Integer.compare(rank(a.file()), rank(b.file())) != 0
        ? Integer.compare(rank(a.file()), rank(b.file()))
        : a.file().compareTo(b.file()));
    for (Tfvars file : auto) {
      if (rank(file.file()) < 3) {
        values.putAll(file.values());
      }
    }
    optionFiles.forEach(f -> values.putAll(f.values()));
    for (Map.Entry<String, String> e : options.vars().entrySet()) {
      Block declaration = root.variables().get(e.getKey());
      Span at = declaration == null ? Span.fileStart(ModulePaths.file(root.dir(), "variables.tf"))
          : TfModule.header(declaration);
      values.put(e.getKey(), commandLineValue(e.getKey(), e.getValue(), at, json));
    }
    return values;
  }

  /** terraform.tfvars, then terraform.tfvars.json, then *.auto.tfvars(.json); 3 = not loaded automatically. */
  private static int rank(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    if (name.equals("terraform.tfvars")) {
      return 0;
    }
    if (name.equals("terraform.tfvars.json")) {
      return 1;
    }
    return name.endsWith(".auto.tfvars") || name.endsWith(".auto.tfvars.json") ? 2 : 3;
  }

  /**
   * A {@code -var} value: an HCL literal, tuple or object when it reads as one ({@code ["a"]},
   * {@code true}, {@code {a=1}}), else the plain string, as Terraform takes it. Its spans are the
   * variable's declaration: the command line has no place in a file.
   */
  private static Value commandLineValue(String name, String text, Span at, TfJson json) {
    HclResult parsed = HclFiles.parse(new SourceFile(null, "--tf-var", "v = " + text + "\n"));
    Optional<Attribute> attribute = parsed.body().attribute("v");
    if (!parsed.hasProblems() && parsed.body().attributes().size() == 1 && parsed.body().blocks().isEmpty()
        && attribute.isPresent() && isLiteral(attribute.get().value())) {
      return respan(new TfEvaluator(Constants.SCOPE, json).evaluate(attribute.get().value()), at);
    }
    return Text.of(text, at);
  }

  private static boolean isLiteral(Expr expr) {
    if (expr instanceof Expr.TupleCons tuple) {
      return tuple.items().stream().allMatch(TerraformLoader::isLiteral);
    }
    if (expr instanceof Expr.ObjectCons object) {
      return object.items().stream().allMatch(i -> isLiteral(i.value())
          && (i.key() instanceof Expr.StringLit || i.key() instanceof Expr.Variable));
    }
    return expr instanceof Expr.NumberLit || expr instanceof Expr.BoolLit || expr instanceof Expr.NullLit
        || expr instanceof Expr.StringLit || (expr instanceof Expr.Unary u && isLiteral(u.operand()));
  }

  private static Value respan(Value value, Span at) {
    if (value instanceof Text text) {
      return new Text(text.parts(), at);
    }
    if (value instanceof ListValue list) {
      return new ListValue(list.items().stream().map(v -> respan(v, at)).toList(), at);
    }
    if (value instanceof MapValue map) {
      return new MapValue(map.entries().stream()
          .map(e -> new MapValue.Entry(e.key(), at, respan(e.value(), at))).toList(), at);
    }
    if (value instanceof OneOf one) {
      return new OneOf(one.branches().stream()
          .map(b -> new Guarded<>(b.guard(), respan(b.value(), at))).toList(), at);
    }
    if (value instanceof Unknown unknown) {
      return new Unknown(unknown.reason(), at);
    }
    return new Absent(at);
  }
}
