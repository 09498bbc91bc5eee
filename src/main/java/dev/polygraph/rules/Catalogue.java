package dev.polygraph.rules;

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
}
