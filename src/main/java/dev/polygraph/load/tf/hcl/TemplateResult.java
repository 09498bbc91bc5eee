package dev.polygraph.load.tf.hcl;

import dev.polygraph.source.InputProblem;
import java.util.List;

/** A template file ({@code templatefile}) parsed: its parts, and what made it unreadable. */
public record TemplateResult(List<TemplatePart> parts, List<InputProblem> problems) {
  public TemplateResult {
    parts = List.copyOf(parts);
    problems = List.copyOf(problems);
  }
}
