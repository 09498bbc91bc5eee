package dev.polygraph.rules;

import java.util.ArrayList;
import java.util.List;

/** Every rule polygraph runs, by id. An explicit list: nothing registers itself. */
public final class Catalogue {

  private Catalogue() {}

  public static List<Rule> all() {
    return List.of(
        new NodeRoleTrustsEc2(),
        new NodeRoleTrustNotTooBroad(),
        new NodeRoleWorkerNodePermissions(),
        new NodeRoleEcrPull(),
        new NodeRoleCniIpv4(),
        new NodeRoleCniIpv6(),
        new CniIpv6PolicyNotTooBroad(),
        new NodeRoleNotClusterRole(),
        new NodeInstanceProfile(),
        new HardCodedPartition(),
        new PolicyDocumentInvalid(),
        new UnknownAction(),
        new InputUnparseable());
  }

  /**
   * The rules the suppress stage reports after all the others (POLY002, POLY003): they judge the
   * suppressions users wrote, not the graph, so they have no {@link Rule} class.
   */
  public static List<String> suppressionRuleIds() {
    return List.of("POLY002", "POLY003");
  }

  /** Every rule id: the rules of {@link #all()}, then the suppression rules. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>();
    for (Rule rule : all()) {
      ids.add(rule.id());
    }
    ids.addAll(suppressionRuleIds());
    return List.copyOf(ids);
  }
}
