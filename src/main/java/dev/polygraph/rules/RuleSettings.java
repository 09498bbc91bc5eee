package dev.polygraph.rules;

import dev.polygraph.finding.Level;
import dev.polygraph.link.IpFamily;
import dev.polygraph.link.LinkSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user told the rules (flags and the {@code eks:} and {@code rules:} config keys).
 *
 * @param ipFamily "ipv4"/"ipv6" for clusters the scan cannot see, if given
 * @param cniRole "node"/"separate": where the VPC CNI's permissions live when no add-on says, if given
 * @param nodeRoles names or globs of roles to treat as node roles
 * @param levels level overrides per rule id
 * @param reportUndecided whether undecided checks are reported (as notes of kind "open")
 */
public record RuleSettings(
    Optional<String> ipFamily,
    Optional<String> cniRole,
    List<String> nodeRoles,
    Map<String, Level> levels,
    boolean reportUndecided) {

  public static final RuleSettings DEFAULTS =
      new RuleSettings(Optional.empty(), Optional.empty(), List.of(), Map.of(), false);

  public RuleSettings {
    nodeRoles = List.copyOf(nodeRoles);
    levels = Map.copyOf(levels);
  }

  /** What the link stage needs: these settings, and the permission that shows a role serves IPv6 clusters. */
  public LinkSettings link() {
    Requirement assign = Requirements.assignIpv6();
    return new LinkSettings(
        nodeRoles,
        ipFamily.flatMap(IpFamily::parse),
        cniRole.map(s -> s.equalsIgnoreCase("separate")),
        new LinkSettings.Request(assign.action(), assign.resource()));
  }
}
