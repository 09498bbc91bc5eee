package dev.polygraph.policy;

import dev.polygraph.value.Scenario;
import dev.polygraph.value.Text;

/**
 * IAM's evaluation logic for identity-based policies: explicit Deny wins, then any Allow; a
 * permissions boundary intersects. Wildcards are matched in linear time.
 */
public final class PolicyEvaluator {

  /**
   * May a principal with these policies do {@code action} on {@code resource} in this scenario?
   *
   * @param resource "*" or an ARN, possibly with symbols (partition, account, region)
   */
  public Decision evaluate(PolicySet policies, String action, Text resource, Scenario scenario) {
    throw new UnsupportedOperationException("PolicyEvaluator is being written");
  }
}
