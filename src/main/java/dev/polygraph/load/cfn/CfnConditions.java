package dev.polygraph.load.cfn;

import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.tree.SeqNode;
import dev.polygraph.value.Absent;
import dev.polygraph.value.ListValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code Conditions} section of one template: decides a condition when its inputs are known
 * literals, leaves it undecided otherwise, and names what makes it invalid (a cycle, a malformed
 * function).
 */
final class CfnConditions {

  /**
   * A condition's truth: decided ({@code value} set), undecided (both null), or invalid ({@code
   * problem} set).
   */
  record Truth(Boolean value, String problem) {
    static final Truth TRUE = new Truth(true, null);
    static final Truth FALSE = new Truth(false, null);
    static final Truth UNDECIDED = new Truth(null, null);

    static Truth of(boolean value) {
      return value ? TRUE : FALSE;
    }

    static Truth invalid(String problem) {
      return new Truth(null, problem);
    }

    boolean isDecided() {
      return value != null;
    }

    boolean isInvalid() {
      return problem != null;
    }
  }

  private static final int MAX_OPERANDS = 10;

  private final MapNode section;
  private final Function<Node, Value> evaluator;
  private final EvaluationBudget budget;
  private final Map<String, Truth> decided = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  /**
   * @param section the template's {@code Conditions} map, or null when it has none
   * @param evaluator evaluates the operands of {@code Fn::Equals}
   */
  CfnConditions(MapNode section, Function<Node, Value> evaluator, EvaluationBudget budget) {
    this.section = section;
    this.evaluator = evaluator;
    this.budget = budget;
  }

  /** The truth of the named condition. */
  Truth truth(String name) {
    Truth known = decided.get(name);
    if (known != null) {
      return known;
    }
    if (inProgress.contains(name)) {
      return Truth.invalid("condition '" + name + "' depends on itself");
    }
    Optional<Node> definition = section == null ? Optional.empty() : section.get(name);
    if (definition.isEmpty()) {
      return Truth.invalid("condition '" + name + "' is not defined in the Conditions section");
    }
    inProgress.add(name);
    Truth truth;
    try {
      truth = expression(definition.get(), name);
    } finally {
      inProgress.remove(name);
    }
    decided.put(name, truth);
    return truth;
  }

  private Truth expression(Node node, String condition) {
    String exceeded = budget.enter();
    if (exceeded != null) {
      return Truth.invalid("condition '" + condition + "' cannot be decided: " + exceeded);
    }
    try {
      return function(node, condition);
    } finally {
      budget.exit();
    }
  }

  private Truth function(Node node, String condition) {
    if (!(node instanceof MapNode map) || map.entries().size() != 1) {
      return Truth.invalid(
          "condition '"
              + condition
              + "' is not a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition)");
    }
    String fn = map.entries().get(0).key().text();
    Node arg = map.entries().get(0).value();
    if ("Condition".equals(fn)) {
      if (arg instanceof ScalarNode s && !s.isNull()) {
        return truth(s.text());
      }
      return Truth.invalid("'Condition' in condition '" + condition + "' needs a condition name");
    }
    if ("Fn::Equals".equals(fn)) {
      if (!(arg instanceof SeqNode seq) || seq.items().size() != 2) {
        return Truth.invalid(
            "Fn::Equals in condition '" + condition + "' needs a list of two values");
      }
      return equal(evaluator.apply(seq.items().get(0)), evaluator.apply(seq.items().get(1)));
    }
    if ("Fn::Not".equals(fn)) {
      if (!(arg instanceof SeqNode seq) || seq.items().size() != 1) {
        return Truth.invalid(
            "Fn::Not in condition '" + condition + "' needs a list of one condition");
      }
      Truth inner = expression(seq.items().get(0), condition);
      return inner.isDecided() ? Truth.of(!inner.value()) : inner;
    }
    if ("Fn::And".equals(fn) || "Fn::Or".equals(fn)) {
      if (!(arg instanceof SeqNode seq)
          || seq.items().size() < 2
          || seq.items().size() > MAX_OPERANDS) {
        return Truth.invalid(
            fn
                + " in condition '"
                + condition
                + "' needs a list of 2 to "
                + MAX_OPERANDS
                + " conditions");
      }
      return combine("Fn::And".equals(fn), seq.items(), condition);
    }
    return Truth.invalid(
        "'" + fn + "' in condition '" + condition + "' is not a condition function");
  }

  /** Fn::And ({@code all}) or Fn::Or: a deciding operand wins even when others are undecided. */
  private Truth combine(boolean all, List<Node> operands, String condition) {
    boolean undecided = false;
    for (Node operand : operands) {
      Truth t = expression(operand, condition);
      if (t.isInvalid()) {
        return t;
      }
      if (!t.isDecided()) {
        undecided = true;
      } else if (t.value() != all) {
        return Truth.of(!all);
      }
    }
    return undecided ? Truth.UNDECIDED : Truth.of(all);
  }

  /**
   * Decided when both sides are literal, or the same symbolic text (the same unknown equals
   * itself).
   */
  static Truth equal(Value a, Value b) {
    Optional<Object> plainA = plain(a);
    Optional<Object> plainB = plain(b);
    if (plainA.isPresent() && plainB.isPresent()) {
      return Truth.of(plainA.get().equals(plainB.get()));
    }
    if (a instanceof Text ta && b instanceof Text tb && ta.parts().equals(tb.parts())) {
      return Truth.TRUE;
    }
    return Truth.UNDECIDED;
  }

  private static Optional<Object> plain(Value v) {
    if (v instanceof Text t) {
      return t.literal().map(Object.class::cast);
    }
    if (v instanceof ListValue list) {
      List<Object> out = new ArrayList<>();
      for (Value item : list.items()) {
        if (item instanceof Absent) {
          continue;
        }
        Optional<Object> p = plain(item);
        if (p.isEmpty()) {
          return Optional.empty();
        }
        out.add(p.get());
      }
      return Optional.of(out);
    }
    return Optional.empty();
  }
}
