package dev.polygraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.polygraph.finding.Finding;
import dev.polygraph.finding.Level;
import dev.polygraph.source.InputProblem;
import dev.polygraph.source.Span;
import dev.polygraph.testkit.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputUnparseableTest {

  @Test
  void everyInputProblemIsAnErrorAtItsPosition() {
    InputProblem first = new InputProblem(Span.point("a.yaml", 3, 7), "Mapping values are not allowed here.");
    InputProblem second = new InputProblem(Span.point("b.json", 1, 2), "Unexpected end of input.");
    List<Finding> findings =
        Runs.run(new InputUnparseable(), Runs.graph(), RuleSettings.DEFAULTS, List.of(first, second));

    assertEquals(2, findings.size());
    assertEquals("Mapping values are not allowed here.", findings.get(0).message());
    assertEquals(Span.point("a.yaml", 3, 7), findings.get(0).location().span());
    assertEquals(Level.ERROR, findings.get(0).level());
    assertEquals("Unexpected end of input.", findings.get(1).message());
    assertEquals(Span.point("b.json", 1, 2), findings.get(1).location().span());
  }

  @Test
  void noProblemsNoFindings() {
    assertEquals(List.of(), Runs.run(new InputUnparseable(), Runs.graph()));
  }
}
