package dev.polygraph.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.polygraph.value.Guard;
import dev.polygraph.value.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

  private final List<Scenario> all =
      Scenario.enumerate(List.of(Guard.of("UseEcr", true), Guard.of("IsProd", true)));

  private List<Scenario> where(String name, boolean value) {
    return all.stream().filter(s -> s.assignment().get(name) == value).toList();
  }

  @Test
  void alwaysNeedsNoCondition() {
    assertNull(Conditions.when(all, all));
    assertEquals("", Conditions.suffix(null));
  }

  @Test
  void onlyTheConditionThatMattersIsNamed() {
    assertEquals("'UseEcr' is false", Conditions.when(where("UseEcr", false), all));
    assertEquals(" when 'IsProd' is true", Conditions.suffix(Conditions.when(where("IsProd", true), all)));
  }

  @Test
  void aSingleScenarioNamesBothAndAlternativesAreJoined() {
    List<Scenario> both =
        all.stream().filter(s -> !s.assignment().get("UseEcr") && !s.assignment().get("IsProd")).toList();
    assertEquals("'IsProd' is false and 'UseEcr' is false", Conditions.when(both, all));

    List<Scenario> either =
        all.stream().filter(s -> !s.assignment().get("UseEcr") || !s.assignment().get("IsProd")).toList();
    assertEquals(
        "'IsProd' is false and 'UseEcr' is true or 'IsProd' is true and 'UseEcr' is false"
            + " or 'IsProd' is false and 'UseEcr' is false",
        Conditions.when(either, all));
  }
}
