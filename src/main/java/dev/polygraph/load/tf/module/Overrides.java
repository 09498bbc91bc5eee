package dev.polygraph.load.tf.module;

import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.load.tf.hcl.Body;
import dev.polygraph.source.InputProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Terraform's override files ({@code override.tf}, {@code *_override.tf}): each block in them merges
 * into the block of the same kind and name in the module's other files, in file-name order. An
 * argument replaces the argument of that name; nested blocks of a type replace every nested block of
 * that type; a local value replaces the local of that name.
 */
final class Overrides {

  private Overrides() {}

  static boolean isOverrideFile(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.equals("override.tf") || name.endsWith("_override.tf");
  }

  static TfModule apply(TfModule module, List<Body> overrides, List<InputProblem> problems) {
    Map<String, Block> variables = new LinkedHashMap<>(module.variables());
    Map<String, Attribute> locals = new LinkedHashMap<>(module.locals());
    Map<String, Block> outputs = new LinkedHashMap<>(module.outputs());
    Map<String, Block> calls = new LinkedHashMap<>(module.calls());
    Map<String, Block> resources = new LinkedHashMap<>(module.resources());
    for (Body body : overrides) {
      for (Block block : body.blocks()) {
        List<String> labels = block.labelValues();
        switch (block.type()) {
          case "variable":
            merge(variables, labels, 1, "", block, problems);
            break;
          case "output":
            merge(outputs, labels, 1, "", block, problems);
            break;
          case "module":
            merge(calls, labels, 1, "", block, problems);
            break;
          case "resource":
            merge(resources, labels, 2, "", block, problems);
            break;
          case "data":
            merge(resources, labels, 2, "data.", block, problems);
            break;
          case "locals":
            for (Attribute local : block.body().attributes()) {
              locals.put(local.name(), local);
            }
            break;
          default:
            break; // terraform and provider blocks say nothing about IAM
        }
      }
    }
    return new TfModule(module.dir(), variables, locals, outputs, calls, resources);
  }

  private static void merge(Map<String, Block> into, List<String> labels, int count, String prefix,
      Block override, List<InputProblem> problems) {
    if (labels.size() != count) {
      return;
    }
    String key = prefix + String.join(".", labels);
    Block base = into.get(key);
    if (base == null) {
      problems.add(new InputProblem(TfModule.header(override), "Missing base " + override.type() + " '"
          + key + "' to override: an override file can only change what the module's other files define."));
      return;
    }
    into.put(key, new Block(base.type(), base.labels(), merge(base.body(), override.body()), base.span()));
  }

  private static Body merge(Body base, Body override) {
    Map<String, Attribute> attributes = new LinkedHashMap<>();
    base.attributes().forEach(a -> attributes.put(a.name(), a));
    override.attributes().forEach(a -> attributes.put(a.name(), a));
    Set<String> replacedTypes = override.blocks().stream().map(Overrides::blockType).collect(Collectors.toSet());
    List<Block> blocks = new ArrayList<>();
    for (Block b : base.blocks()) {
      if (!replacedTypes.contains(blockType(b))) {
        blocks.add(b);
      }
    }
    blocks.addAll(override.blocks());
    return new Body(new ArrayList<>(attributes.values()), blocks, base.span());
  }

  /** A {@code dynamic "statement"} block stands for {@code statement} blocks. */
  private static String blockType(Block block) {
    return block.type().equals("dynamic") && block.labels().size() == 1 ? block.labelValues().get(0) : block.type();
  }
}
