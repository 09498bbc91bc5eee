package dev.polygraph.link;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.value.Guard;
import java.util.List;

/**
 * A role whose permissions the VPC CNI uses, and for which IP families, under which conditions.
 *
 * @param cniRole the cluster's own CNI role this is, or null when the CNI uses the node role
 * @param cluster the cluster (the first one, when the role serves several), or null when no cluster
 *     in scope says
 * @param applicability when the role plays this part (any of them): the node role's evidence, or the
 *     CNI role's source
 * @param families the IP families the CNI needs there, each under the conditions that choose it
 * @param cniAssumed whether it is only assumed that the CNI uses the node role: no cluster in scope
 *     and no {@code eks.cni-role}
 */
public record CniUse(
    RoleNode role,
    CniRole cniRole,
    ClusterNode cluster,
    List<Guard> applicability,
    List<Family> families,
    boolean cniAssumed) {

  public CniUse {
    applicability = List.copyOf(applicability);
    families = List.copyOf(families);
  }

  /** How the IP family is known. */
  public enum Source {
    /** The cluster says (unset is IPv4). */
    CLUSTER,
    /** The config declares the role's IP family ({@code roles: … ip-family}). */
    DECLARED,
    /** {@code eks.ip-family} or {@code --ip-family}. */
    SETTING,
    /** The role is granted the IPv6 CNI's permission to assign IPv6 addresses. */
    IPV6_PERMISSION,
    /** Nothing says: IPv4, EKS's default, is assumed. */
    ASSUMED
  }

  /**
   * One IP family the CNI needs the role's permissions for.
   *
   * @param guard when (the cluster's {@code !If}, the conditions under which the role has the IPv6 permission)
   * @param autoModeUnknown why it is not known whether the cluster runs EKS Auto Mode (which needs no
   *     CNI permissions), or null when it is known not to
   */
  public record Family(IpFamily family, Guard guard, Source source, String autoModeUnknown) {}

  /** The uses of one IP family. */
  public List<Family> families(IpFamily family) {
    return families.stream().filter(f -> f.family() == family).toList();
  }
}
