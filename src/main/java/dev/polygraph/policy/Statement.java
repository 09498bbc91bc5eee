package dev.polygraph.policy;

import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Value;
import java.util.List;

/**
 * One IAM policy statement, after evaluation of the source's expressions. Action, resource and
 * principal elements are {@link dev.polygraph.value.Text} when known (possibly with symbols such as
 * the partition) or {@link dev.polygraph.value.Unknown}.
 *
 * @param guard the condition under which the statement exists (from {@code Fn::If} around it)
 * @param effect null when the Effect is missing or not known
 * @param notAction whether the action list came from {@code NotAction}
 * @param actions the Action/NotAction elements; empty when absent
 * @param notResource whether the resource list came from {@code NotResource}
 * @param resources the Resource/NotResource elements; empty when absent (trust policies)
 * @param principal the Principal/NotPrincipal, or null when the statement has none
 * @param conditional whether the statement has a non-empty {@code Condition} block
 * @param actionSpan where the Action/NotAction element is (the statement's span when absent)
 * @param resourceSpan where the Resource/NotResource element is (the statement's span when absent)
 */
public record Statement(
    Span span,
    Guard guard,
    String sid,
    Effect effect,
    boolean notAction,
    List<Value> actions,
    boolean notResource,
    List<Value> resources,
    Principal principal,
    boolean conditional,
    Span actionSpan,
    Span resourceSpan) {

  public Statement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
  }
}
