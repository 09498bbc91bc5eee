package dev.polygraph.load.tf.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.polygraph.load.tf.Shown;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AlternativesTest {

  private static final Span AT = Span.point("main.tf", 1, 1);
  private static final Text NEW = Text.of("new", AT);
  private static final Text OLD = Text.of("old", AT);

  @Test
  void anUnconditionalValueIsItself() {
    assertSame(NEW, Alternatives.when(Guard.ALWAYS, NEW, OLD));
    assertSame(NEW, Alternatives.onlyWhen(Guard.ALWAYS, NEW));
  }

  @Test
  void theOtherCasesOfAConjunctionEachKeepTheOtherValue() {
    Map<String, Boolean> terms = new TreeMap<>(Map.of("a", true, "b", false));
    Value v = Alternatives.when(new Guard(terms), NEW, OLD);
    assertEquals("oneOf(a & !b: 'new' | !a: 'old' | a & b: 'old')", Shown.of(v));
  }

  @Test
  void aValueOnlyWhereItsGuardHoldsIsAGuardedListItem() {
    Value v = Alternatives.onlyWhen(Guard.of("var.create", true), NEW);
    assertEquals("oneOf(var.create: 'new' | !var.create: absent)", Shown.of(v));
    assertEquals(List.of(new Guarded<Value>(Guard.of("var.create", true), NEW)), Values.items(v));
  }

  @Test
  void theFirstCandidateWhoseGuardHoldsWins() {
    Value v =
        Alternatives.firstOf(
            List.of(new Guarded<>(Guard.of("x", true), NEW), Guarded.always(OLD)), Text.of("none", AT));
    assertEquals("oneOf(x: 'new' | !x: 'old')", Shown.of(v));
  }
}
