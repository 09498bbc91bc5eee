package dev.polygraph.link;

import dev.polygraph.graph.AccessEntryNode;
import dev.polygraph.graph.AutoScalingGroupNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.Declaration;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.source.Span;
import dev.polygraph.value.Guard;

/**
 * Why a role is an EKS node role: the thing in scope that makes nodes run as it. Typed, so that
 * rules and the audit word it themselves; each piece says where it is and when it holds.
 */
public sealed interface Evidence {

  /** Where the evidence is written. */
  Span span();

  /** When it holds (the node group exists only under a condition, say). */
  Guard guard();

  /**
   * Whether it says only that the role looks like a node role (it attaches a worker-node policy),
   * not that nodes run as it.
   */
  default boolean weak() {
    return false;
  }

  /** A managed node group runs as the role; {@code cluster} is its cluster, or null when not in scope. */
  record NodeGroup(NodeGroupNode group, ClusterNode cluster, Guard guard) implements Evidence {
    @Override
    public Span span() {
      return group.span();
    }
  }

  /** The compute config of an EKS Auto Mode cluster launches nodes with the role. */
  record AutoModeCluster(ClusterNode cluster, Guard guard) implements Evidence {
    @Override
    public Span span() {
      return cluster.span();
    }
  }

  /**
   * A launch template that starts EKS nodes carries an instance profile holding the role.
   *
   * @param group the Auto Scaling group whose tags show that the template starts EKS nodes, or null
   *     when the template says so itself ({@link LaunchTemplateNode#eksNodeEvidence()})
   */
  record LaunchTemplate(
      LaunchTemplateNode template, InstanceProfileNode profile, AutoScalingGroupNode group, Guard guard)
      implements Evidence {
    @Override
    public Span span() {
      return template.span();
    }
  }

  /** An access entry of type {@code EC2_LINUX}/{@code EC2_WINDOWS} names the role. */
  record AccessEntry(AccessEntryNode entry, String type, ClusterNode cluster, Guard guard) implements Evidence {
    @Override
    public Span span() {
      return entry.span();
    }
  }

  /** The config declares the role {@code eks-node} ({@code roles:}). */
  record Declared(RoleNode role, Declaration declaration) implements Evidence {
    @Override
    public Span span() {
      return declaration.span();
    }

    @Override
    public Guard guard() {
      return Guard.ALWAYS;
    }
  }

  /** The role's name or address matches a glob of {@code eks.node-roles}. */
  record Listed(RoleNode role, String glob) implements Evidence {
    @Override
    public Span span() {
      return role.span();
    }

    @Override
    public Guard guard() {
      return Guard.ALWAYS;
    }
  }

  /**
   * The role attaches a worker-node policy ({@code AmazonEKSWorkerNodePolicy}, {@code
   * AmazonEKSWorkerNodeMinimalPolicy}).
   *
   * @param span the ARN on the role, or the attachment resource
   * @param attachment the resource that attaches it, or null when the role's own list does
   */
  record WorkerNodePolicy(RoleNode role, String policy, PolicyAttachmentNode attachment, Span span, Guard guard)
      implements Evidence {
    @Override
    public boolean weak() {
      return true;
    }
  }
}
