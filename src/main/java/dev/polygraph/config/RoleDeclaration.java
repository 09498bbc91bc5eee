package dev.polygraph.config;

import dev.polygraph.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A role made outside the scanned templates (with the AWS CLI, in the console), declared under
 * {@code roles:} in the config. Spans point into the config file as it was read.
 *
 * @param name the role's name (its key under {@code roles:})
 * @param span the name's key in the config, where findings about what the role lacks point
 * @param kind "eks-node" or "eks-cluster", if given
 * @param ipFamily "ipv4" or "ipv6": the clusters this node role serves, if given
 * @param trust the trust policy file, resolved against the config file's directory, if given
 * @param managedPolicies the ARNs of attached managed policies, each where it is written
 * @param policies policy files attached to the role, resolved against the config file's directory
 */
public record RoleDeclaration(
    String name,
    Span span,
    Optional<String> kind,
    Optional<String> ipFamily,
    Optional<FileRef> trust,
    List<Item> managedPolicies,
    List<FileRef> policies) {

  /** A string as written in the config. */
  public record Item(String text, Span span) {}

  /** A file named in the config: the path as written (for messages), where, and the resolved path. */
  public record FileRef(String written, Span span, Path path) {}

  public static final String NODE = "eks-node";
  public static final String CLUSTER = "eks-cluster";

  public RoleDeclaration {
    managedPolicies = List.copyOf(managedPolicies);
    policies = List.copyOf(policies);
  }
}
