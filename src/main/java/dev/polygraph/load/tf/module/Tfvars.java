package dev.polygraph.load.tf.module;

import dev.polygraph.load.PlainValues;
import dev.polygraph.load.tf.eval.Constants;
import dev.polygraph.load.tf.eval.TfEvaluator;
import dev.polygraph.load.tf.eval.TfJson;
import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Block;
import dev.polygraph.load.tf.hcl.Body;
import dev.polygraph.load.tf.hcl.HclFiles;
import dev.polygraph.load.tf.hcl.HclResult;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.SourceFile;
import dev.polygraph.tree.JsonTreeReader;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.TreeResult;
import dev.polygraph.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One variable-definitions file ({@code .tfvars} in HCL, {@code .tfvars.json} in JSON): variable
 * names to values. The values may refer to nothing, as Terraform requires.
 *
 * @param body the parsed HCL body, null for a JSON file
 */
public record Tfvars(String file, Map<String, Value> values, Body body, List<InputProblem> problems) {

  public Tfvars {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    problems = List.copyOf(problems);
  }

  static boolean isJson(String fileName) {
    return fileName.endsWith(".json");
  }

  public static Tfvars read(SourceFile file, TfJson json) {
    Map<String, Value> values = new LinkedHashMap<>();
    if (isJson(file.name())) {
      TreeResult tree = JsonTreeReader.read(file);
      List<InputProblem> problems = new java.util.ArrayList<>(tree.problems());
      if (tree.root() instanceof MapNode map) {
        for (MapNode.Entry e : map.entries()) {
          if (e.key().text() != null) {
            values.put(e.key().text(), PlainValues.of(e.value()));
          }
        }
      } else if (tree.root() != null) {
        problems.add(new InputProblem(tree.root().span(),
            "A .tfvars.json file must hold one JSON object of variable values."));
      }
      return new Tfvars(file.name(), values, null, problems);
    }
    HclResult parsed = HclFiles.parse(file);
    TfEvaluator evaluator = new TfEvaluator(Constants.SCOPE, json);
    for (Attribute attribute : parsed.body().attributes()) {
      values.put(attribute.name(), evaluator.evaluate(attribute.value()));
    }
    List<InputProblem> problems = new java.util.ArrayList<>(parsed.problems());
    for (Block block : parsed.body().blocks()) {
      problems.add(new InputProblem(TfModule.header(block),
          "A .tfvars file holds only variable values; the block '" + block.type() + "' is not allowed here."));
    }
    return new Tfvars(file.name(), values, parsed.body(), problems);
  }
}
