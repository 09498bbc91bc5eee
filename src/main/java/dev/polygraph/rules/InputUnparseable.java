package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.source.InputProblem;
import java.util.List;

/** POLY001: every input problem the loaders met is a finding at the position they reported. */
public final class InputUnparseable implements Rule {

  @Override
  public String id() {
    return "POLY001";
  }

  @Override
  public void check(RuleContext ctx) {
    for (InputProblem p : ctx.inputProblems()) {
      ctx.fail(Location.at(p.span()), p.message(), List.of(), p.message(), null, false);
    }
  }
}
