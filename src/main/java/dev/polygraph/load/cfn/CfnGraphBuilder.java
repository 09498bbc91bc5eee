package dev.polygraph.load.cfn;

import dev.polygraph.graph.AccessEntryNode;
import dev.polygraph.graph.AddonNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.AutoScalingGroupNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.NodeId;
import dev.polygraph.graph.PodIdentityAssociationNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.load.NodeEvidence;
import dev.polygraph.load.cfn.CfnConditions.Truth;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyParser;
import dev.polygraph.source.Span;
import dev.polygraph.tree.MapNode;
import dev.polygraph.tree.Node;
import dev.polygraph.tree.ScalarNode;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guard;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.OneOf;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps the resources of CloudFormation templates to policy-graph nodes. Templates scanned together
 * see each other's exports, which is how a node group in one file meets its role in another.
 */
public final class CfnGraphBuilder {

  public void build(List<CfnTemplate> templates, CfnOptions options, PolicyGraph.Builder out) {
    CfnExports exports = CfnExports.collect(templates, options);
    for (CfnTemplate template : templates) {
      new TemplateBuild(new CfnIntrinsics(template, options, exports), out).run();
    }
  }

  /** The resources of one template. */
  private static final class TemplateBuild {
    private final CfnIntrinsics intrinsics;
    private final PolicyGraph.Builder out;
    private final String file;

    TemplateBuild(CfnIntrinsics intrinsics, PolicyGraph.Builder out) {
      this.intrinsics = intrinsics;
      this.out = out;
      this.file = intrinsics.template().file().name();
    }

    void run() {
      Optional<Node> resources = intrinsics.template().root().get("Resources");
      if (resources.isEmpty() || !(resources.get() instanceof MapNode map)) {
        return;
      }
      for (MapNode.Entry e : map.entries()) {
        if (e.key().text() != null && e.value() instanceof MapNode resource) {
          resource(e.key(), resource);
        }
      }
    }

    private void resource(ScalarNode logicalId, MapNode resource) {
      Optional<String> type = scalar(resource.get("Type"));
      if (type.isEmpty()) {
        return;
      }
      Optional<Guard> guard = guard(resource);
      if (guard.isEmpty()) {
        return;
      }
      Resource r =
          new Resource(
              new NodeId(file, logicalId.text()),
              logicalId.span(),
              guard.get(),
              resource
                  .get("Properties")
                  .filter(MapNode.class::isInstance)
                  .map(MapNode.class::cast)
                  .orElse(null));
      switch (type.get()) {
        case "AWS::IAM::Role":
          role(r);
          break;
        case "AWS::IAM::ManagedPolicy":
          out.add(
              new ManagedPolicyNode(
                  r.id,
                  r.span,
                  r.guard,
                  r.value("ManagedPolicyName"),
                  document(
                      r,
                      "PolicyDocument",
                      "managed policy '" + label(r, "ManagedPolicyName") + "'"),
                  r.items("Roles")));
          break;
        case "AWS::IAM::Policy", "AWS::IAM::RolePolicy":
          // The same policy; Policy lists its roles, RolePolicy names one.
          String rolesProperty = type.get().equals("AWS::IAM::Policy") ? "Roles" : "RoleName";
          out.add(
              new InlinePolicyNode(
                  r.id,
                  r.span,
                  r.guard,
                  r.value("PolicyName"),
                  document(r, "PolicyDocument", "inline policy '" + label(r, "PolicyName") + "'"),
                  r.items(rolesProperty)));
          break;
        case "AWS::IAM::InstanceProfile":
          out.add(
              new InstanceProfileNode(
                  r.id, r.span, r.guard, r.value("InstanceProfileName"), r.items("Roles")));
          break;
        case "AWS::EC2::LaunchTemplate":
          launchTemplate(r);
          break;
        case "AWS::AutoScaling::LaunchConfiguration":
          launchConfiguration(r);
          break;
        case "AWS::AutoScaling::AutoScalingGroup":
          autoScalingGroup(r);
          break;
        case "AWS::EKS::Cluster":
          out.add(
              new ClusterNode(
                  r.id,
                  r.span,
                  r.guard,
                  r.value("Name"),
                  r.value("RoleArn"),
                  field(r.value("KubernetesNetworkConfig"), "IpFamily"),
                  field(r.value("ComputeConfig"), "Enabled"),
                  field(r.value("ComputeConfig"), "NodeRoleArn")));
          break;
        case "AWS::EKS::Nodegroup":
          out.add(
              new NodeGroupNode(
                  r.id,
                  r.span,
                  r.guard,
                  r.value("NodegroupName"),
                  r.value("ClusterName"),
                  r.value("NodeRole"),
                  field(r.value("LaunchTemplate"), "Id", "Name")));
          break;
        case "AWS::EKS::Addon":
          out.add(
              new AddonNode(
                  r.id,
                  r.span,
                  r.guard,
                  r.value("AddonName"),
                  r.value("ClusterName"),
                  r.value("ServiceAccountRoleArn"),
                  awsNodeRoles(r.value("PodIdentityAssociations"))));
          break;
        case "AWS::EKS::PodIdentityAssociation":
          out.add(
              new PodIdentityAssociationNode(
                  r.id,
                  r.span,
                  r.guard,
                  r.value("ClusterName"),
                  r.value("Namespace"),
                  r.value("ServiceAccount"),
                  r.value("RoleArn")));
          break;
        case "AWS::EKS::AccessEntry":
          out.add(
              new AccessEntryNode(
                  r.id,
                  r.span,
                  r.guard,
                  r.value("ClusterName"),
                  r.value("PrincipalArn"),
                  r.value("Type")));
          break;
        default:
          break;
      }
    }

    /**
     * The resource's guard; empty when its condition is decided false (the resource is not made).
     */
    private Optional<Guard> guard(MapNode resource) {
      Optional<String> condition = scalar(resource.get("Condition"));
      if (condition.isEmpty()) {
        return Optional.of(Guard.ALWAYS);
      }
      Truth truth = intrinsics.truth(condition.get());
      if (truth.isDecided()) {
        return truth.value() ? Optional.of(Guard.ALWAYS) : Optional.empty();
      }
      return Optional.of(Guard.of(condition.get(), true));
    }

    private void role(Resource r) {
      Value trust = r.value("AssumeRolePolicyDocument");
      List<Guarded<PolicyDocument>> inline = new ArrayList<>();
      Value policies = r.value("Policies");
      if (policies != null) {
        for (Guarded<Value> item : Values.items(policies)) {
          Value document = field(item.value(), "PolicyDocument");
          if (document != null) {
            String name =
                "inline policy '"
                    + display(field(item.value(), "PolicyName"), r.id.address())
                    + "'";
            inline.add(new Guarded<>(item.guard(), PolicyParser.parse(name, document)));
          }
        }
      }
      Value boundary = r.value("PermissionsBoundary");
      out.add(
          new RoleNode(
              r.id,
              r.span,
              r.guard,
              r.value("RoleName"),
              trust == null
                  ? null
                  : PolicyParser.parse("trust policy of '" + r.id.address() + "'", trust),
              inline,
              r.items("ManagedPolicyArns"),
              r.keySpan("ManagedPolicyArns"),
              boundary == null ? null : guarded(boundary)));
    }

    /**
     * A single-valued property under the guard that makes it present ({@code If [C, arn,
     * NoValue]}).
     */
    private static Guarded<Value> guarded(Value value) {
      List<Guarded<Value>> items = Values.items(value);
      return items.size() == 1 ? items.get(0) : Guarded.always(value);
    }

    private void launchTemplate(Resource r) {
      Value data = r.value("LaunchTemplateData");
      Node imageId =
          r.node("LaunchTemplateData")
              .filter(MapNode.class::isInstance)
              .flatMap(d -> ((MapNode) d).get("ImageId"))
              .orElse(null);
      out.add(
          new LaunchTemplateNode(
              r.id,
              r.span,
              r.guard,
              r.value("LaunchTemplateName"),
              field(field(data, "IamInstanceProfile"), "Arn", "Name"),
              eksNodeEvidence(field(data, "UserData"), imageId, field(data, "ImageId"))));
    }

    private void launchConfiguration(Resource r) {
      out.add(
          new LaunchTemplateNode(
              r.id,
              r.span,
              r.guard,
              r.value("LaunchConfigurationName"),
              r.value("IamInstanceProfile"),
              eksNodeEvidence(
                  r.value("UserData"), r.node("ImageId").orElse(null), r.value("ImageId"))));
    }

    private void autoScalingGroup(Resource r) {
      Value launchTemplate = field(r.value("LaunchTemplate"), "LaunchTemplateId", "LaunchTemplateName");
      if (launchTemplate == null) {
        launchTemplate =
            field(
                field(field(r.value("MixedInstancesPolicy"), "LaunchTemplate"), "LaunchTemplateSpecification"),
                "LaunchTemplateId",
                "LaunchTemplateName");
      }
      if (launchTemplate == null) {
        launchTemplate = r.value("LaunchConfigurationName");
      }
      out.add(new AutoScalingGroupNode(r.id, r.span, r.guard, launchTemplate, clusterTag(r.items("Tags"))));
    }

    /** "tagged 'kubernetes.io/cluster/prod'": the tag EKS and the cluster autoscaler look for. */
    private static String clusterTag(List<Guarded<Value>> tags) {
      for (Guarded<Value> tag : tags) {
        Value keyValue = field(tag.value(), "Key");
        if (keyValue == null) {
          continue;
        }
        for (Guarded<Value> key : Values.variants(keyValue)) {
          if (key.value() instanceof Text t && t.display().startsWith(CLUSTER_TAG)) {
            return "tagged '" + t.display() + "'";
          }
        }
      }
      return null;
    }

    private String eksNodeEvidence(Value userData, Node imageIdNode, Value imageId) {
      Optional<String> fromUserData = NodeEvidence.inUserData(userData);
      if (fromUserData.isPresent()) {
        return fromUserData.get();
      }
      Optional<String> ssm =
          imageIdNode == null ? Optional.empty() : intrinsics.ssmParameterName(imageIdNode);
      return NodeEvidence.inImage(ssm.orElse(null), imageId).orElse(null);
    }

    private List<Guarded<Value>> awsNodeRoles(Value associations) {
      List<Guarded<Value>> roles = new ArrayList<>();
      if (associations == null) {
        return roles;
      }
      for (Guarded<Value> association : Values.items(associations)) {
        Value serviceAccount = field(association.value(), "ServiceAccount");
        Value role = field(association.value(), "RoleArn");
        if (role != null
            && serviceAccount != null
            && Values.literal(serviceAccount).orElse("").equals("aws-node")) {
          roles.add(new Guarded<>(association.guard(), role));
        }
      }
      return roles;
    }

    private PolicyDocument document(Resource r, String key, String name) {
      Value document = r.value(key);
      return PolicyParser.parse(name, document != null ? document : new Absent(r.span));
    }

    /** How a message calls the resource: its name property when literal, else its logical ID. */
    private static String label(Resource r, String nameKey) {
      return display(r.value(nameKey), r.id.address());
    }

    private static String display(Value name, String fallback) {
      return name instanceof Text t ? t.display() : fallback;
    }

    private static Optional<String> scalar(Optional<Node> node) {
      return node.filter(n -> n instanceof ScalarNode s && !s.isNull())
          .map(n -> ((ScalarNode) n).text());
    }

    /** One resource being mapped: its identity, guard and properties. */
    private final class Resource {
      final NodeId id;
      final Span span;
      final Guard guard;
      final MapNode properties;

      Resource(NodeId id, Span span, Guard guard, MapNode properties) {
        this.id = id;
        this.span = span;
        this.guard = guard;
        this.properties = properties;
      }

      Optional<Node> node(String key) {
        return properties == null ? Optional.empty() : properties.get(key);
      }

      /** The property's value; null when it is missing or AWS::NoValue. */
      Value value(String key) {
        Value v = node(key).map(intrinsics::evaluate).orElse(null);
        return v instanceof Absent ? null : v;
      }

      List<Guarded<Value>> items(String key) {
        Value v = value(key);
        return v == null ? List.of() : Values.items(v);
      }

      Span keySpan(String key) {
        return properties == null
            ? null
            : properties.entry(key).map(e -> e.key().span()).orElse(null);
      }
    }
  }

  /**
   * The first of {@code keys} that a map value has; through a OneOf, that of each branch (Absent
   * where a branch has none). Null when no alternative has any of the keys.
   */
  static final String CLUSTER_TAG = "kubernetes.io/cluster/";

  static Value field(Value value, String... keys) {
    if (value instanceof MapValue map) {
      for (String key : keys) {
        Value v = map.get(key).orElse(null);
        if (v != null && !(v instanceof Absent)) {
          return v;
        }
      }
      return null;
    }
    if (value instanceof OneOf one) {
      List<Guarded<Value>> branches = new ArrayList<>();
      boolean any = false;
      for (Guarded<Value> b : one.branches()) {
        Value v = field(b.value(), keys);
        any |= v != null;
        branches.add(new Guarded<>(b.guard(), v != null ? v : new Absent(b.value().span())));
      }
      return any ? new OneOf(branches, one.span()) : null;
    }
    return null;
  }
}
