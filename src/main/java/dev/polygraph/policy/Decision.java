package dev.polygraph.policy;

import java.util.List;

/** The answer to "may this role do action A on resource R?". */
public sealed interface Decision {

  /** Allowed by {@code by}; {@code conditional} when every allowing statement has a Condition. */
  record Allowed(List<Statement> by, boolean conditional) implements Decision {}

  /** Explicitly denied by {@code by} (a Deny statement, or the boundary's lack of an Allow). */
  record Denied(Statement by, String reason) implements Decision {}

  /** No statement allows it (the implicit deny). */
  record NotAllowed() implements Decision {}

  /** Cannot be decided: an unknown value or a policy outside the scan could change the answer. */
  record Undecided(String reason) implements Decision {}

  default boolean isAllowed() {
    return this instanceof Allowed a && !a.conditional();
  }

  /**
   * The answer as a fragment of a message: "allowed", "allowed only under a condition", "not
   * allowed by any statement", or the reason of a denial or of an undecided answer.
   */
  default String describe() {
    if (this instanceof Allowed a) {
      return a.conditional() ? "allowed only under a condition" : "allowed";
    }
    if (this instanceof Denied d) {
      return d.reason();
    }
    if (this instanceof Undecided u) {
      return u.reason();
    }
    return "not allowed by any statement";
  }
}
