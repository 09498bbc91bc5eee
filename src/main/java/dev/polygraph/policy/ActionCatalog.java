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
  private final TreeMap<String, String> canonical;
  /** Lower-cased service prefixes ("ec2"): asked once per action of every document, so a set. */
  private final java.util.Set<String> services = new java.util.HashSet<>();

  private ActionCatalog(TreeMap<String, String> canonical) {
    this.canonical = canonical;
    for (String name : canonical.keySet()) {
      services.add(name.substring(0, Math.max(0, name.indexOf(':'))));
    }
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
    return services.contains(service.toLowerCase(Locale.ROOT));
  }

  /** The canonical names of {@code service}'s actions ("ec2:AcceptAddressTransfer", ...), sorted. */
  public List<String> actionsOf(String service) {
    String prefix = service.toLowerCase(Locale.ROOT) + ":";
    // ';' sorts right after ':', so the sub-map holds exactly the names with this prefix.
    return new ArrayList<>(canonical.subMap(prefix, service.toLowerCase(Locale.ROOT) + ";").values());
  }

  /**
   * What {@code action}, which names no action of a known service, was probably meant to be: the
   * service's action nearest to it ignoring case, or for a pattern that matches nothing
   * ("ec2:Descirbe*"), the pattern with its text before the first wildcard corrected
   * ("ec2:Describe*"). Empty when nothing is near enough to be a slip.
   */
  public Optional<String> suggestion(String action) {
    int colon = action.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String service = action.substring(0, colon);
    List<String> names = actionsOf(service);
    int wildcard = firstWildcard(action);
    if (wildcard < 0) {
      return nearest(action, names);
    }
    if (wildcard <= colon + 1) {
      return Optional.empty(); // "ec2:*Foo": no head of the name to correct
    }
    // Correct the literal head of the pattern against the heads of real names of about its length.
    String head = action.substring(0, wildcard);
    String tail = action.substring(wildcard);
    TreeMap<String, String> heads = new TreeMap<>();
    for (String name : names) {
      for (int length = head.length() - 1; length <= head.length() + 1; length++) {
        if (length > colon && length <= name.length()) {
          heads.putIfAbsent(name.substring(0, length).toLowerCase(Locale.ROOT), name.substring(0, length));
        }
      }
    }
    return nearest(head, List.copyOf(heads.values()))
        .map(h -> h + tail)
        .filter(pattern -> !matching(pattern).isEmpty());
  }

  private static Optional<String> nearest(String text, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = EditDistance.between(text, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best != null && EditDistance.isSlip(bestDistance, text.length() - text.indexOf(':') - 1)
        ? Optional.of(best)
        : Optional.empty();
  }

  private static int firstWildcard(String s) {
    int star = s.indexOf('*');
    int mark = s.indexOf('?');
    if (star < 0) {
      return mark;
    }
    return mark < 0 ? star : Math.min(star, mark);
  }

  /** The canonical names an IAM wildcard pattern ("ec2:Describe*", "ecr:Get?*") matches, sorted. */
  public List<String> matching(String pattern) {
    List<String> out = new ArrayList<>();
    // A pattern whose service part is literal can only match that service's names.
    int colon = pattern.indexOf(':');
    String service = colon < 0 ? "" : pattern.substring(0, colon);
    boolean literalService = colon > 0 && service.indexOf('*') < 0 && service.indexOf('?') < 0;
    Iterable<String> candidates = literalService ? actionsOf(service) : canonical.values();
    for (String name : candidates) {
      if (WildcardMatcher.matches(pattern, name, true)) {
        out.add(name);
      }
    }
    return out;
  }
}
