package dev.polygraph.link;

import dev.polygraph.value.Text;
import java.util.List;
import java.util.Optional;

/**
 * What the link stage is told: the user's settings about roles and clusters the scan cannot see,
 * and the permission that shows a role serves IPv6 clusters.
 *
 * @param nodeRoles names or globs of roles to treat as node roles ({@code eks.node-roles})
 * @param ipFamily the IP family of clusters the scan cannot see ({@code eks.ip-family}), if given
 * @param cniRoleSeparate whether the VPC CNI runs with a role of its own ({@code eks.cni-role:
 *     separate}) or with the node role ({@code node}) when no add-on in scope says; empty when not given
 * @param ipv6Evidence the request a role must be allowed to count as serving IPv6 clusters (the IPv6
 *     CNI's {@code ec2:AssignIpv6Addresses}), from the rules' requirements
 */
public record LinkSettings(
    List<String> nodeRoles, Optional<IpFamily> ipFamily, Optional<Boolean> cniRoleSeparate, Request ipv6Evidence) {

  /** An action on a resource. */
  public record Request(String action, Text resource) {}

  public LinkSettings {
    nodeRoles = List.copyOf(nodeRoles);
  }
}
