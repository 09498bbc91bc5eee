package dev.polygraph.load.tf.module;

import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.load.tf.hcl.Body;
import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks of one directory's {@code .tf} files: one Terraform module as written, before any
 * evaluation. Definitions Terraform refuses twice are problems at the second one.
 *
 * @param dir the directory, relative to the scan root ("" for the scan root)
 * @param resources {@code resource} and {@code data} blocks by their address in the module
 *     ({@code aws_iam_role.node}, {@code data.aws_partition.current})
 */
public record TfModule(
    String dir,
    Map<String, Block> variables,
    Map<String, Attribute> locals,
    Map<String, Block> outputs,
    Map<String, Block> calls,
    Map<String, Block> resources) {

  public TfModule {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    locals = Collections.unmodifiableMap(new LinkedHashMap<>(locals));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    calls = Collections.unmodifiableMap(new LinkedHashMap<>(calls));
    resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
  }

  /** The module of {@code bodies} (the directory's files, in name order); problems are added to {@code problems}. */
  static TfModule of(String dir, List<Body> bodies, List<InputProblem> problems) {
    List<Body> primary = new ArrayList<>();
    List<Body> overrides = new ArrayList<>();
    for (Body body : bodies) {
      (Overrides.isOverrideFile(body.span().file()) ? overrides : primary).add(body);
    }
    TfModule module = definitions(dir, primary, problems);
    return overrides.isEmpty() ? module : Overrides.apply(module, overrides, problems);
  }

  private static TfModule definitions(String dir, List<Body> bodies, List<InputProblem> problems) {
    Map<String, Block> variables = new LinkedHashMap<>();
    Map<String, Attribute> locals = new LinkedHashMap<>();
    Map<String, Block> outputs = new LinkedHashMap<>();
    Map<String, Block> calls = new LinkedHashMap<>();
    Map<String, Block> resources = new LinkedHashMap<>();
    for (Body body : bodies) {
      for (Block block : body.blocks()) {
        List<String> labels = block.labelValues();
        switch (block.type()) {
          case "variable":
            if (labels.size() == 1) {
              define(variables, labels.get(0), block, "variable", problems);
            }
            break;
          case "output":
            if (labels.size() == 1) {
              define(outputs, labels.get(0), block, "output", problems);
            }
            break;
          case "module":
            if (labels.size() == 1) {
              define(calls, labels.get(0), block, "module call", problems);
            }
            break;
          case "resource":
            if (labels.size() == 2) {
              define(resources, labels.get(0) + "." + labels.get(1), block, "resource", problems);
            }
            break;
          case "data":
            if (labels.size() == 2) {
              define(resources, "data." + labels.get(0) + "." + labels.get(1), block, "data source", problems);
            }
            break;
          case "locals":
            for (Attribute local : block.body().attributes()) {
              Attribute first = locals.putIfAbsent(local.name(), local);
              if (first != null) {
                problems.add(new InputProblem(local.nameSpan(), "Duplicate local value 'local." + local.name()
                    + "': it is already defined at " + at(first.nameSpan()) + "."));
              }
            }
            break;
          default:
            break;
        }
      }
    }
    return new TfModule(dir, variables, locals, outputs, calls, resources);
  }

  /** The directories of other modules this one calls locally, for telling root modules from called ones. */
  public List<String> localCallDirs() {
    List<String> dirs = new ArrayList<>();
    for (Block call : calls.values()) {
      call.body().attribute("source")
          .filter(a -> a.value() instanceof Expr.StringLit)
          .map(a -> ((Expr.StringLit) a.value()).value())
          .filter(ModulePaths::isLocalSource)
          .map(source -> ModulePaths.join(dir, source))
          .filter(called -> !called.equals(dir))
          .ifPresent(dirs::add);
    }
    return dirs;
  }

  /** From the type keyword to the last label: where findings about the block point. */
  public static Span header(Block block) {
    Span start = block.span();
    if (block.labels().isEmpty()) {
      return start;
    }
    Span last = block.labels().get(block.labels().size() - 1).span();
    return new Span(start.file(), start.startLine(), start.startColumn(), last.endLine(), last.endColumn());
  }

  private static void define(
      Map<String, Block> into, String name, Block block, String what, List<InputProblem> problems) {
    Block first = into.putIfAbsent(name, block);
    if (first != null) {
      problems.add(new InputProblem(header(block), "Duplicate " + what + " '" + name
          + "': it is already defined at " + at(header(first)) + "."));
    }
  }

  private static String at(Span span) {
    return span.file() + ":" + span.startLine() + ":" + span.startColumn();
  }
}
