package dev.polygraph.rules;

/**
 * One check over the policy graph. Rules are stateless: everything a run needs is in the context,
 * and everything they find goes back through it. A rule never knows which format a node came from.
 */
public interface Rule {

  /** The catalogue id, matching {@code rules/ID.yaml}. */
  String id();

  void check(RuleContext context);
}
