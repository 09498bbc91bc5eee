package dev.polygraph.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IAM action names polygraph knows ({@code rules/iam-actions.txt}: ec2, ecr, eks, eks-auth, sts,
 * iam), in the Service Authorization Reference's own case. IAM compares actions ignoring case, and
 * so does this catalogue.
 */
public final class ActionCatalog {

  static final String RESOURCE = "rules/iam-actions.txt";

  /** Lower-cased name to canonical name, sorted. */
  private final Map<String, String> canonical;

  private ActionCatalog(Map<String, String> canonical) {
    this.canonical = java.util.Collections.unmodifiableMap(canonical);
  }

  /**
   * Loads the shipped list.
   *
   * @throws IllegalStateException when it is missing from the class path (a packaging fault)
   */
  public static ActionCatalog load() {
    TreeMap<String, String> names = new TreeMap<>();
    try (BufferedReader reader = ManagedPolicies.open(RESOURCE)) {
      String line;
      while ((line = reader.readLine()) != null) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.put(name.toLowerCase(Locale.ROOT), name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ActionCatalog(names);
  }

  /** Whether {@code action} ("ec2:describeinstances") names a known action, ignoring case. */
  public boolean exists(String action) {
    return canonical.containsKey(action.toLowerCase(Locale.ROOT));
  }

  /** The action as AWS spells it ("ec2:DescribeInstances"), when known. */
  public Optional<String> canonical(String action) {
    return Optional.ofNullable(canonical.get(action.toLowerCase(Locale.ROOT)));
  }

  /** Whether the catalogue lists the actions of {@code service} ("ec2"), ignoring case. */
  public boolean knowsService(String service) {
    String prefix = service.toLowerCase(Locale.ROOT) + ":";
    return canonical.keySet().stream().anyMatch(k -> k.startsWith(prefix));
  }

  /** The canonical names an IAM wildcard pattern ("ec2:Describe*", "ecr:Get?*") matches, sorted. */
  public List<String> matching(String pattern) {
    List<String> out = new ArrayList<>();
    for (String name : canonical.values()) {
      if (WildcardMatcher.matches(pattern, name, true)) {
        out.add(name);
      }
    }
    return out;
  }
}
