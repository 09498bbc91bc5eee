package dev.polygraph.load.tf.resource;

import dev.polygraph.graph.AccessEntryNode;
import dev.polygraph.graph.AddonNode;
import dev.polygraph.graph.AutoScalingGroupNode;
import dev.polygraph.graph.ClusterNode;
import dev.polygraph.graph.InlinePolicyNode;
import dev.polygraph.graph.InstanceProfileNode;
import dev.polygraph.graph.LaunchTemplateNode;
import dev.polygraph.graph.ManagedPolicyNode;
import dev.polygraph.graph.NodeGroupNode;
import dev.polygraph.graph.PodIdentityAssociationNode;
import dev.polygraph.graph.PolicyAttachmentNode;
import dev.polygraph.graph.PolicyGraph;
import dev.polygraph.graph.RoleNode;
import dev.polygraph.load.NodeEvidence;
import dev.polygraph.load.tf.hcl.Attribute;
import dev.polygraph.load.tf.hcl.Expr;
import dev.polygraph.policy.PolicyDocument;
import dev.polygraph.policy.PolicyParser;
import dev.polygraph.value.Absent;
import dev.polygraph.value.Guarded;
import dev.polygraph.value.MapValue;
import dev.polygraph.value.Text;
import dev.polygraph.value.Value;
import dev.polygraph.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps Terraform resource instances to policy-graph nodes, as {@code CfnGraphBuilder} does for
 * CloudFormation: a missing argument is null, policies are parsed from their JSON structure, and
 * every node takes the instance's id, header span and guard.
 */
public final class TfResources {

  private TfResources() {}

  /** Adds the graph nodes one resource instance makes; types this tool does not read add none. */
  public static void map(TfInstance instance, PolicyGraph.Builder out) {
    if (instance.data()) {
      return;
    }
    Mapping m = new Mapping(instance, BlockReader.of(instance), out);
    switch (instance.type()) {
      case "aws_iam_role":
        m.role();
        break;
      case "aws_iam_role_policy":
        m.rolePolicy();
        break;
      case "aws_iam_policy":
        m.policy();
        break;
      case "aws_iam_role_policy_attachment":
        m.attachment(m.args.single("role"));
        break;
      case "aws_iam_policy_attachment":
        m.attachment(m.args.items("roles"));
        break;
      case "aws_iam_instance_profile":
        m.instanceProfile();
        break;
      case "aws_eks_cluster":
        m.cluster();
        break;
      case "aws_eks_node_group":
        m.nodeGroup();
        break;
      case "aws_eks_addon":
        m.addon();
        break;
      case "aws_eks_pod_identity_association":
        m.podIdentityAssociation();
        break;
      case "aws_eks_access_entry":
        m.accessEntry();
        break;
      case "aws_launch_template":
        m.launchTemplate();
        break;
      case "aws_launch_configuration":
        m.launchConfiguration();
        break;
      case "aws_autoscaling_group":
        m.autoScalingGroup();
        break;
      default:
        break;
    }
  }

  /** One instance being mapped. */
  private static final class Mapping {
    private static final String CLUSTER_TAG = "kubernetes.io/cluster/";
    private static final String CLUSTER_NAME_TAG = "eks:cluster-name";

    private final TfInstance instance;
    private final BlockReader args;
    private final PolicyGraph.Builder out;

    Mapping(TfInstance instance, BlockReader args, PolicyGraph.Builder out) {
      this.instance = instance;
      this.args = args;
      this.out = out;
    }

    private String address() {
      return instance.id().address();
    }

    void role() {
      Value trust = args.value("assume_role_policy");
      List<Guarded<PolicyDocument>> inline = new ArrayList<>();
      for (BlockReader.Nested block : args.blocks("inline_policy")) {
        if (block.reader() == null) {
          inline.add(
              new Guarded<>(
                  block.guard(), PolicyParser.parse("inline policy of '" + address() + "'", block.unknown())));
          continue;
        }
        Value policy = block.reader().value("policy");
        // An empty inline_policy {} tells the provider to remove inline policies: no document.
        if (policy != null) {
          String name = "inline policy '" + display(block.reader().value("name"), address()) + "'";
          inline.add(new Guarded<>(block.guard(), parse(name, policy)));
        }
      }
      Value boundary = args.value("permissions_boundary");
      out.add(
          new RoleNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              args.value("name"),
              trust == null ? null : parse("trust policy of '" + address() + "'", trust),
              inline,
              args.items("managed_policy_arns"),
              args.nameSpan("managed_policy_arns"),
              boundary == null ? null : single(boundary)));
    }

    void rolePolicy() {
      Value name = args.value("name");
      out.add(
          new InlinePolicyNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              name,
              document("policy", "inline policy '" + display(name, address()) + "'"),
              args.single("role")));
    }

    void policy() {
      Value name = args.value("name");
      out.add(
          new ManagedPolicyNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              name,
              document("policy", "managed policy '" + display(name, address()) + "'"),
              List.of()));
    }

    void attachment(List<Guarded<Value>> roles) {
      out.add(
          new PolicyAttachmentNode(
              instance.id(), instance.span(), instance.guard(), roles, args.value("policy_arn")));
    }

    void instanceProfile() {
      out.add(
          new InstanceProfileNode(
              instance.id(), instance.span(), instance.guard(), args.value("name"), args.single("role")));
    }

    void cluster() {
      out.add(
          new ClusterNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              args.value("name"),
              args.value("role_arn"),
              args.field(List.of("kubernetes_network_config"), "ip_family"),
              args.field(List.of("compute_config"), "enabled"),
              args.field(List.of("compute_config"), "node_role_arn")));
    }

    void nodeGroup() {
      out.add(
          new NodeGroupNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              args.value("node_group_name"),
              args.value("cluster_name"),
              args.value("node_role_arn"),
              args.field(List.of("launch_template"), "id", "name")));
    }

    void addon() {
      List<Guarded<Value>> awsNode = new ArrayList<>();
      for (BlockReader.Nested block : args.blocks("pod_identity_association")) {
        if (block.reader() == null) {
          continue;
        }
        Value serviceAccount = block.reader().value("service_account");
        Value role = block.reader().value("role_arn");
        if (role != null
            && serviceAccount != null
            && Values.literal(serviceAccount).filter("aws-node"::equals).isPresent()) {
          awsNode.add(new Guarded<>(block.guard(), role));
        }
      }
      out.add(
          new AddonNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              args.value("addon_name"),
              args.value("cluster_name"),
              args.value("service_account_role_arn"),
              awsNode));
    }

    void podIdentityAssociation() {
      out.add(
          new PodIdentityAssociationNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              args.value("cluster_name"),
              args.value("namespace"),
              args.value("service_account"),
              args.value("role_arn")));
    }

    void accessEntry() {
      out.add(
          new AccessEntryNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              args.value("cluster_name"),
              args.value("principal_arn"),
              args.value("type")));
    }

    void launchTemplate() {
      out.add(
          new LaunchTemplateNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              args.value("name"),
              args.field(List.of("iam_instance_profile"), "arn", "name"),
              eksNodeEvidence()));
    }

    void launchConfiguration() {
      out.add(
          new LaunchTemplateNode(
              instance.id(),
              instance.span(),
              instance.guard(),
              args.value("name"),
              args.value("iam_instance_profile"),
              eksNodeEvidence()));
    }

    void autoScalingGroup() {
      Value template = args.field(List.of("launch_template"), "id", "name");
      if (template == null) {
        template =
            args.field(
                List.of("mixed_instances_policy", "launch_template", "launch_template_specification"),
                "launch_template_id",
                "launch_template_name");
      }
      if (template == null) {
        template = args.value("launch_configuration");
      }
      out.add(
          new AutoScalingGroupNode(
              instance.id(), instance.span(), instance.guard(), template, clusterTag().orElse(null)));
    }

    /** "tagged 'kubernetes.io/cluster/X'": the tag EKS nodes of a self-managed group carry. */
    private Optional<String> clusterTag() {
      List<Value> keys = new ArrayList<>();
      for (BlockReader.Nested block : args.blocks("tag")) {
        if (block.reader() != null) {
          Value key = block.reader().value("key");
          if (key != null) {
            keys.add(key);
          }
        }
      }
      // The provider's older "tags" argument is a list of {key, value, propagate_at_launch} maps.
      for (Guarded<Value> tag : args.items("tags")) {
        if (tag.value() instanceof MapValue map) {
          map.get("key").ifPresent(keys::add);
        }
      }
      for (Value key : keys) {
        for (Guarded<Value> variant : Values.variants(key)) {
          if (variant.value() instanceof Text t) {
            String shown = t.display();
            if (shown.startsWith(CLUSTER_TAG) || shown.equals(CLUSTER_NAME_TAG)) {
              return Optional.of("tagged '" + shown + "'");
            }
          }
        }
      }
      return Optional.empty();
    }

    private String eksNodeEvidence() {
      Optional<String> fromUserData =
          args.attribute("user_data")
              .map(a -> args.evaluator().evaluate(encoded(a.value())))
              .flatMap(NodeEvidence::inUserData);
      if (fromUserData.isPresent()) {
        return fromUserData.get();
      }
      Optional<Attribute> image = args.attribute("image_id");
      if (image.isEmpty()) {
        return null;
      }
      Expr imageExpr = unwrap(image.get().value(), "nonsensitive");
      Value parameterName = ssmParameterName(imageExpr);
      Optional<String> fromParameter =
          parameterName == null ? Optional.empty() : NodeEvidence.inImage(null, parameterName);
      return fromParameter
          .or(() -> NodeEvidence.inImage(null, args.evaluator().evaluate(imageExpr)))
          .orElse(null);
    }

    /** The text inside base64encode()/base64gzip(): the encoding would hide what user data says. */
    private static Expr encoded(Expr expr) {
      Expr inner = expr;
      while (inner instanceof Expr.FunctionCall call
          && (call.name().equals("base64encode") || call.name().equals("base64gzip"))
          && call.args().size() == 1) {
        inner = call.args().get(0);
      }
      return inner;
    }

    private static Expr unwrap(Expr expr, String function) {
      Expr inner = expr;
      while (inner instanceof Expr.FunctionCall call
          && call.name().equals(function)
          && call.args().size() == 1) {
        inner = call.args().get(0);
      }
      return inner;
    }

    /**
     * For {@code data.aws_ssm_parameter.x.value} (with or without an instance key), the parameter's
     * configured name; null for any other image.
     */
    private Value ssmParameterName(Expr image) {
      if (!(image instanceof Expr.GetAttr value) || !value.name().equals("value")) {
        return null;
      }
      Expr source = value.source();
      Expr parameter = source instanceof Expr.Index index ? index.source() : source;
      if (parameter instanceof Expr.GetAttr named
          && named.source() instanceof Expr.GetAttr type
          && type.name().equals("aws_ssm_parameter")
          && type.source() instanceof Expr.Variable root
          && root.name().equals("data")) {
        Value name = args.evaluator().evaluate(new Expr.GetAttr(source, "name", value.span()));
        return name instanceof Absent ? null : name;
      }
      return null;
    }

    private PolicyDocument document(String argument, String name) {
      Value policy = args.value(argument);
      return policy == null ? PolicyParser.parse(name, new Absent(instance.span())) : parse(name, policy);
    }

    private PolicyDocument parse(String name, Value policy) {
      return PolicyParser.parse(name, instance.evaluator().json().structure(policy));
    }

    /** A single-valued argument under the guard that makes it present ({@code c ? arn : null}). */
    private static Guarded<Value> single(Value value) {
      List<Guarded<Value>> items = Values.items(value);
      return items.size() == 1 ? items.get(0) : Guarded.always(value);
    }

    /** How a message calls a thing: its name when it is a string, else the fallback. */
    private static String display(Value name, String fallback) {
      return name instanceof Text t ? t.display() : fallback;
    }
  }
}
