package dev.polygraph.link;

import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.GraphNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.value.Symbol;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the reference values nodes hold (an ARN, a name, a resource attribute) to the nodes they
 * name, within one file or across files. A reference that names nothing in the scan, or more than
 * one thing, resolves to nothing: links are never guessed.
 */
final class Links {

  // A symbol's place in a rendered text; no name or ARN contains it.
  private static final char HOLE = '\u0000';
  private static final Pattern IAM_ARN = Pattern.compile("arn:[^:]*:iam::([^:]*):([a-z-]+)/(.+)");
  private static final Pattern EKS_CLUSTER_ARN = Pattern.compile("arn:[^:]*:eks:[^:]*:[^:]*:cluster/(.+)");

  private final Map<NodeId, GraphNode> byId = new HashMap<>();
  private final PolicyGraph graph;

  Links(PolicyGraph graph) {
    this.graph = graph;
    for (GraphNode n : graph.nodes()) {
      byId.put(n.id(), n);
    }
  }

  /** The role a role ARN, role name or reference to a role names. */
  Optional<RoleNode> role(Value ref) {
    return resolve(ref, RoleNode.class, RoleNode::name, name -> iamName(name, "role", false));
  }

  /** The instance profile an instance-profile ARN, name or reference names. */
  Optional<InstanceProfileNode> instanceProfile(Value ref) {
    return resolve(
        ref,
        InstanceProfileNode.class,
        InstanceProfileNode::name,
        name -> iamName(name, "instance-profile", false));
  }

  /** The customer-managed policy a policy ARN or reference names (never an AWS managed policy). */
  Optional<ManagedPolicyNode> managedPolicy(Value ref) {
    return resolve(ref, ManagedPolicyNode.class, ManagedPolicyNode::name, name -> iamName(name, "policy", true));
  }

  /** The cluster a cluster name, cluster ARN or reference names. */
  Optional<ClusterNode> cluster(Value ref) {
    return resolve(ref, ClusterNode.class, ClusterNode::name, Links::clusterName);
  }

  /** The launch template a launch-template name or reference names (an id written out is not resolvable). */
  Optional<LaunchTemplateNode> launchTemplate(Value ref) {
    return resolve(
        ref, LaunchTemplateNode.class, LaunchTemplateNode::name, name -> plainName(name));
  }

  /** The node with this id, if it is of the wanted kind. */
  <T extends GraphNode> Optional<T> node(NodeId id, Class<T> kind) {
    GraphNode n = byId.get(id);
    return kind.isInstance(n) ? Optional.of(kind.cast(n)) : Optional.empty();
  }

  private <T extends GraphNode> Optional<T> resolve(
      Value ref, Class<T> kind, Function<T, Value> nameOf, Function<String, Optional<String>> nameIn) {
    if (!(ref instanceof Text text)) {
      return Optional.empty();
    }
    List<Symbol.ResourceAttr> attrs = new ArrayList<>();
    for (Text.Part p : text.parts()) {
      if (p instanceof Text.Sym s && s.symbol() instanceof Symbol.ResourceAttr a) {
        attrs.add(a);
      }
    }
    if (attrs.size() > 1) {
      return Optional.empty();
    }
    if (attrs.size() == 1) {
      Symbol.ResourceAttr a = attrs.get(0);
      return node(new NodeId(a.file(), a.address()), kind);
    }
    String rendered = text.render(s -> String.valueOf(HOLE));
    Optional<String> name = nameIn.apply(rendered).filter(n -> !n.isEmpty() && n.indexOf(HOLE) < 0);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    T found = null;
    for (T candidate : graph.nodes(kind)) {
      Value candidateName = nameOf.apply(candidate);
      if (candidateName instanceof Text t && t.literal().filter(name.get()::equals).isPresent()) {
        if (found != null) {
          return Optional.empty();
        }
        found = candidate;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The name in {@code arn:<p>:iam::<acct>:<type>/[path/]Name}, or the text itself when it is a plain
   * name. AWS managed policies ({@code iam::aws:policy/}) are never customer-managed.
   */
  private static Optional<String> iamName(String s, String type, boolean notAwsAccount) {
    Matcher m = IAM_ARN.matcher(s);
    if (m.matches()) {
      if (!m.group(2).equals(type) || (notAwsAccount && m.group(1).equals("aws"))) {
        return Optional.empty();
      }
      String path = m.group(3);
      return Optional.of(path.substring(path.lastIndexOf('/') + 1));
    }
    return plainName(s);
  }

  private static Optional<String> clusterName(String s) {
    Matcher m = EKS_CLUSTER_ARN.matcher(s);
    return m.matches() ? Optional.of(m.group(1)) : plainName(s);
  }

  private static Optional<String> plainName(String s) {
    return s.startsWith("arn:") || s.indexOf('/') >= 0 || s.indexOf(':') >= 0
        ? Optional.empty()
        : Optional.of(s);
  }
}
