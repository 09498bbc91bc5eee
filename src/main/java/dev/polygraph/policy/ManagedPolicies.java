package dev.polygraph.policy;

import dev.polygraph.value.Value;
import java.util.Optional;

/** The AWS managed policies polygraph knows, from {@code rules/aws-managed-policies/}. */
public final class ManagedPolicies {

  /** Loads the documents shipped under {@code rules/aws-managed-policies/} on the class path. */
  public static ManagedPolicies load() {
    throw new UnsupportedOperationException("ManagedPolicies is being written");
  }

  /** The document of an AWS managed policy by name ("AmazonEKSWorkerNodePolicy"). */
  public Optional<PolicyDocument> byName(String name) {
    throw new UnsupportedOperationException("ManagedPolicies is being written");
  }

  /**
   * The policy name when {@code arn} is an AWS managed policy's ARN in any partition: {@code
   * arn:aws:iam::aws:policy/X}, {@code arn:aws-us-gov:…}, {@code arn:${AWS::Partition}:…}, with or
   * without a path ({@code service-role/}).
   */
  public static Optional<String> awsManagedName(Value arn) {
    throw new UnsupportedOperationException("ManagedPolicies is being written");
  }
}
