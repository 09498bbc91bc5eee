package dev.polygraph.rules;

import dev.polygraph.finding.Location;
import dev.polygraph.graph.AddonNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.link.CniRole;
import dev.polygraph.link.Evidence;
import java.util.ArrayList;
import java.util.List;

/** How messages word the link stage's facts: why a role is a node role, who gives the CNI a role. */
final class Reasons {

  private Reasons() {}

  /** For a subject: "used by node group 'Workers'". */
  static String text(Evidence e) {
    if (e instanceof Evidence.NodeGroup n) {
      return "used by node group '" + n.group().address() + "'";
    }
    if (e instanceof Evidence.AutoModeCluster a) {
      return "node role of EKS Auto Mode cluster '" + a.cluster().address() + "'";
    }
    if (e instanceof Evidence.LaunchTemplate l) {
      return "in instance profile '" + l.profile().address() + "' of launch template '" + l.template().address() + "'";
    }
    if (e instanceof Evidence.AccessEntry a) {
      return "named by access entry '" + a.entry().address() + "' of type '" + a.type() + "'";
    }
    if (e instanceof Evidence.Declared) {
      return "declared 'eks-node' in the config";
    }
    if (e instanceof Evidence.Listed) {
      return "listed in eks.node-roles";
    }
    Evidence.WorkerNodePolicy w = (Evidence.WorkerNodePolicy) e;
    return w.attachment() == null
        ? "attaches '" + w.policy() + "'"
        : "attaches '" + w.policy() + "' through '" + w.attachment().address() + "'";
  }

  /** The thing that makes the role a node role, saying so. */
  static Location location(Evidence e) {
    if (e instanceof Evidence.NodeGroup n) {
      return at(n.group(), "Node group '" + n.group().address() + "' runs as this role.");
    }
    if (e instanceof Evidence.AutoModeCluster a) {
      return at(a.cluster(), "EKS Auto Mode cluster '" + a.cluster().address() + "' launches its nodes with this role.");
    }
    if (e instanceof Evidence.LaunchTemplate l) {
      String why =
          l.group() == null
              ? l.template().eksNodeEvidence()
              : "Auto Scaling group '" + l.group().address() + "' is " + l.group().eksNodeEvidence();
      return at(l.template(), "Launch template '" + l.template().address() + "' launches EKS nodes (" + why + ").");
    }
    if (e instanceof Evidence.AccessEntry a) {
      return at(a.entry(), "Access entry '" + a.entry().address() + "' of type '" + a.type() + "' names this role.");
    }
    if (e instanceof Evidence.Declared d) {
      return new Location(d.span(), d.role().address(), "The config declares this role a node role.");
    }
    if (e instanceof Evidence.Listed l) {
      return new Location(l.span(), l.role().address(), "eks.node-roles lists this role.");
    }
    Evidence.WorkerNodePolicy w = (Evidence.WorkerNodePolicy) e;
    return w.attachment() == null
        ? new Location(w.span(), w.role().address(), "The role attaches '" + w.policy() + "'.")
        : at(
            w.attachment(),
            "Policy attachment '" + w.attachment().address() + "' attaches '" + w.policy() + "' to this role.");
  }

  /** The rest of that story: the cluster of the node group, the instance profile, the tagged group. */
  static List<Location> related(Evidence e) {
    List<Location> out = new ArrayList<>();
    if (e instanceof Evidence.NodeGroup n && n.cluster() != null) {
      out.add(cluster(n.cluster(), "node group '" + n.group().address() + "'"));
    } else if (e instanceof Evidence.AccessEntry a && a.cluster() != null) {
      out.add(cluster(a.cluster(), "access entry '" + a.entry().address() + "'"));
    } else if (e instanceof Evidence.LaunchTemplate l) {
      out.add(at(l.profile(), "Instance profile '" + l.profile().address() + "' holds this role."));
      if (l.group() != null) {
        out.add(
            at(
                l.group(),
                "Auto Scaling group '" + l.group().address() + "' starts instances from launch template '"
                    + l.template().address() + "' and is " + l.group().eksNodeEvidence() + "."));
      }
    }
    return out;
  }

  /** For a subject: "used by add-on 'VpcCni'". */
  static String text(CniRole cni) {
    return cni.source() instanceof AddonNode
        ? "used by add-on '" + cni.source().address() + "'"
        : "used by pod identity association '" + cni.source().address() + "'";
  }

  /** What gives the CNI the role, saying so. */
  static Location location(CniRole cni) {
    return cni.source() instanceof AddonNode
        ? at(cni.source(), "The VPC CNI add-on '" + cni.source().address() + "' runs as this role.")
        : at(cni.source(), "Pod identity association '" + cni.source().address() + "' gives the VPC CNI this role.");
  }

  /** "Cluster 'Cluster' of node group 'Workers'." */
  static Location cluster(ClusterNode c, String of) {
    return at(c, "Cluster '" + c.address() + "' of " + of + ".");
  }

  static Location at(GraphNode node, String message) {
    return new Location(node.span(), node.address(), message);
  }
}
