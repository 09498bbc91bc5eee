package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.policy.Statement;
import java.util.ArrayList;
import java.util.List;

/** EKS008: a node role can't be the role a cluster runs as (cluster roles trust eks.amazonaws.com). */
public final class NodeRoleNotClusterRole implements Rule {

  private static final String HELP =
      "use two roles: the cluster role trusts eks.amazonaws.com, the node role ec2.amazonaws.com";

  @Override
  public String id() {
    return "EKS008";
  }

  @Override
  public void check(RuleContext ctx) {
    NodeRoleChecks checks = NodeRoleChecks.of(ctx);
    for (RoleNode role : ctx.graph().roles()) {
      if (checks.linked().isNodeRole(role) && checks.linked().isClusterRole(role)) {
        ClusterNode cluster = checks.linked().clustersRunningAs(role).get(0);
        List<Location> related = new ArrayList<>();
        related.add(
            new Location(cluster.span(), cluster.address(), "Cluster '" + cluster.address() + "' runs as this role."));
        related.addAll(checks.related(role));
        ctx.fail(
            NodeRoleChecks.roleLocation(role),
            "Role '" + role.address() + "' is the cluster role of cluster '" + cluster.address()
                + "' and a node role (" + Reasons.text(checks.linked().evidence(role).get(0))
                + "); a node role can't be a cluster role.",
            related,
            "cluster and node role",
            HELP,
            false);
      } else if (role.trust() != null && trustsBoth(role)) {
        ctx.fail(
            NodeRoleChecks.roleLocation(role),
            "Role '" + role.address() + "' trusts both 'eks.amazonaws.com' and the EC2 service;"
                + " a node role can't be a cluster role.",
            checks.related(role),
            "trusts eks and ec2",
            HELP,
            false);
      }
    }
  }

  /** Whether some scenario has both an EKS and an EC2 statement that let the service assume the role. */
  private static boolean trustsBoth(RoleNode role) {
    for (Statement eks : TrustPolicies.allowing(role.trust(), TrustPolicies::isEks)) {
      for (Statement ec2 : TrustPolicies.allowing(role.trust(), TrustPolicies::isEc2)) {
        if (eks.guard().and(ec2.guard()).isPresent()) {
          return true;
        }
      }
    }
    return false;
  }
}
