package dev.polygraph.load.tf.eval;

import static dev.polygraph.load.tf.eval.Args.fail;

import dev.polygraph.load.tf.hcl.HclFiles;
import dev.polygraph.load.tf.hcl.TemplateResult;
import dev.polygraph.source.SourceFile;
import dev.polygraph.source.Span;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Value;
import java.util.Optional;

/** {@code templatefile(path, vars)}: the file parsed as a template, evaluated with only {@code vars}. */
final class TemplateFiles {

  private final TfEvaluator evaluator;

  TemplateFiles(TfEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  Value render(String path, MapValue vars, Span span) {
    Optional<SourceFile> file = evaluator.scope().file(path);
    if (file.isEmpty()) {
      throw fail("file '" + path + "' cannot be read");
    }
    TemplateResult parsed = HclFiles.parseTemplate(file.get());
    if (!parsed.problems().isEmpty()) {
      throw fail("template '" + path + "' is not valid: " + parsed.problems().get(0).message());
    }
    TfEvaluator inner = evaluator.isolated();
    for (MapValue.Entry e : vars.entries()) {
      inner = inner.bind(e.key(), e.value());
    }
    return new Templates(inner).evaluate(parsed.parts(), span);
  }
}
